"""Shared test support: one `vn()` for Vietnamese wall-clock instants and the `fake_clock`
injected into the system's clock seam (`clock`), and world builders that make units, users,
procedures and dossiers in any state through the real services (`world`). Import from here
rather than from another folder's conftest."""
