"""Forms of the calendar administration pages."""

import datetime as dt

from django import forms

from motcua.clock.models import WEEKDAYS, CalendarOverride

PARTS = (("sang", "Sáng"), ("chieu", "Chiều"))


class OverrideForm(forms.Form):
    # An <input type="date"> takes only ISO dates (2026-12-01), whatever the language.
    day = forms.DateField(
        label="Ngày", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    kind = forms.ChoiceField(label="Loại điều chỉnh", choices=CalendarOverride.Kind.choices)
    note = forms.CharField(label="Ghi chú, căn cứ", max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class OfficeHoursForm(forms.Form):
    """Morning and afternoon interval for each weekday; an empty pair means closed."""

    inherit = forms.BooleanField(
        label="Không đặt giờ riêng (dùng giờ của đơn vị cấp trên hoặc giờ mặc định)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for wd, name in WEEKDAYS:
            for part, part_label in PARTS:
                for edge, edge_label in (("tu", "từ"), ("den", "đến")):
                    self.fields[f"d{wd}_{part}_{edge}"] = forms.TimeField(
                        label=f"{name}, {part_label.lower()} {edge_label}",
                        required=False,
                        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                    )

    @staticmethod
    def initial_from(hours) -> dict:
        initial = {}
        for wd, intervals in hours.items():
            for (part, _), (start, end) in zip(PARTS, intervals, strict=False):
                initial[f"d{wd}_{part}_tu"] = dt.time(start // 60, start % 60)
                initial[f"d{wd}_{part}_den"] = dt.time(end // 60, end % 60)
        return initial

    def rows(self):
        """Bound fields grouped by weekday for the template."""
        for wd, name in WEEKDAYS:
            yield (
                name,
                [
                    (part_label, self[f"d{wd}_{part}_tu"], self[f"d{wd}_{part}_den"])
                    for part, part_label in PARTS
                ],
            )

    def clean(self):
        data = super().clean()
        hours = {}
        for wd, name in WEEKDAYS:
            intervals = []
            for part, part_label in PARTS:
                start, end = data.get(f"d{wd}_{part}_tu"), data.get(f"d{wd}_{part}_den")
                if (start is None) != (end is None):
                    raise forms.ValidationError(
                        f"{name}, buổi {part_label.lower()}: cần cả giờ bắt đầu và giờ kết thúc."
                    )
                if start is not None:
                    if start >= end:
                        raise forms.ValidationError(
                            f"{name}, buổi {part_label.lower()}: giờ bắt đầu phải trước giờ "
                            "kết thúc."
                        )
                    intervals.append((start, end))
            if intervals:
                hours[wd] = intervals
        if not data.get("inherit") and not hours:
            raise forms.ValidationError("Chưa có giờ làm việc nào.")
        data["hours"] = {} if data.get("inherit") else hours
        return data
