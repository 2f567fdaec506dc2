"""Feedback (đánh giá mức độ hài lòng): the citizen's rating of a finished dossier."""
