"""The citizen's e-data store (kho dữ liệu điện tử): files they filed or received, reusable."""
