"""Payments (thanh toán phí, lệ phí): gateway interface, local sandbox gateway, Payment records."""
