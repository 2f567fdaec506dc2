"""Pure rules of the citizen portal (no Django import): one-time codes, phone numbers and the
wording of times and fees shown to citizens."""
