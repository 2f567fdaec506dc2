"""The legal clock in plain Python: working time, deadlines and the Vietnamese calendar.

Nothing here imports Django; the app around it stores office hours and overrides and converts
aware datetimes to the naive Asia/Ho_Chi_Minh wall time used here.
"""
