"""Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) over the petitions, at /open311/v2/.

- services.{json,xml}: the feedback categories (the petition's subject), `metadata` false;
- services/{code}.{json,xml}: their definition (no extra attributes);
- requests.{json,xml}: GET with the spec's filters (service_request_id, service_code,
  start_date, end_date, status), POST form-encoded with `api_key` to submit;
- requests/{id}.{json,xml}: one request, as a one-element list.

Mapping: service_request_id = the petition's code; status `open` while the agency owes an
action (received, in scope, information requested, disagreed), else `closed`; status_notes =
the lifecycle's label plus the refusal reason, the agency forwarded to, or the answer;
agency_responsible = the handling unit (or the agency it was forwarded to);
requested/updated/expected_datetime = received, last change, current due instant (ISO 8601
with the +07:00 offset). The sender's name, phone and e-mail are never output.

Who sees what: anyone sees published answers; an application sees the requests it posted
with its `api_key` (to follow their status); nobody else sees an unpublished petition —
another citizen's request is "not found", as if it did not exist. Errors are the spec's error
objects: a list of {code, description}.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from motcua.org.models import OrgUnit
from motcua.petitions import selectors, services
from motcua.petitions.domain.lifecycle import OPEN_STATES, Status
from motcua.petitions.models import Open311ApiKey, Petition, api_key_hash

GROUP = "Phản ánh, kiến nghị về quy định hành chính"
DESCRIPTIONS = {
    Petition.Subject.REGULATION: "Phản ánh, kiến nghị về nội dung một quy định hành chính.",
    Petition.Subject.PROCEDURE: "Phản ánh, kiến nghị về một thủ tục hành chính.",
    Petition.Subject.DOSSIER: "Phản ánh về việc giải quyết một hồ sơ đã nộp.",
    Petition.Subject.CONDUCT: "Phản ánh về hành vi, thái độ của cán bộ, công chức.",
}
KEYWORDS = {
    Petition.Subject.REGULATION: "quy dinh, van ban",
    Petition.Subject.PROCEDURE: "thu tuc, ho so",
    Petition.Subject.DOSSIER: "ho so, ket qua",
    Petition.Subject.CONDUCT: "can bo, cong chuc, thai do",
}
VN = ZoneInfo("Asia/Ho_Chi_Minh")
SERVICE_NOTICE = "Thời hạn trả lời: 15 ngày làm việc kể từ khi tiếp nhận."


class Open311Error(Exception):
    def __init__(self, code: int, description: str):
        super().__init__(description)
        self.code, self.description = code, description


# --- rendering -----------------------------------------------------------------------------


def iso(moment: dt.datetime | None) -> str | None:
    """ISO 8601 with the Vietnamese offset: 2025-03-03T08:00:00+07:00."""
    if moment is None:
        return None
    return moment.astimezone(VN).isoformat(timespec="seconds")


def _xml_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(str(value))


def _xml_element(tag: str, value) -> str:
    if isinstance(value, list):
        inner = "".join(_xml_element(tag[:-1] if tag.endswith("s") else "item", v) for v in value)
        return f"<{tag}>{inner}</{tag}>"
    if isinstance(value, dict):
        return f"<{tag}>{''.join(_xml_element(k, v) for k, v in value.items())}</{tag}>"
    return f"<{tag}>{_xml_value(value)}</{tag}>"


def render(fmt: str, root: str, item: str, payload, status: int = 200) -> HttpResponse:
    """`payload` is a list of dicts (or a dict for a service definition). JSON as is; XML as
    <root><item>…</item>…</root> (the spec's shapes)."""
    if fmt == "json":
        return JsonResponse(
            payload, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
        )
    if isinstance(payload, dict):
        body = _xml_element(root, payload)
    else:
        body = f"<{root}>{''.join(_xml_element(item, row) for row in payload)}</{root}>"
    return HttpResponse(
        f'<?xml version="1.0" encoding="utf-8"?>{body}',
        status=status,
        content_type="text/xml; charset=utf-8",
    )


def error(fmt: str, code: int, description: str) -> HttpResponse:
    return render(fmt, "errors", "error", [{"code": code, "description": description}], code)


def service(subject) -> dict:
    return {
        "service_code": subject.value,
        "service_name": str(subject.label),
        "description": DESCRIPTIONS[subject],
        "metadata": False,
        "type": "batch",
        "keywords": KEYWORDS[subject],
        "group": GROUP,
    }


def request_dict(p: Petition, *, own: bool) -> dict:
    """The spec's service request. `own`: the caller's application posted it (the address it
    gave is returned); the sender's identity is never returned."""
    state = Status(p.status)
    notes = str(state.label)
    if p.refusal_reason:
        notes += f": {p.refusal_reason}"
    elif p.forwarded_to:
        notes += f": {p.forwarded_to}"
    elif p.answer and p.published_at:
        notes += f": {p.answer if own else p.public_answer}"
    due = selectors.current_due(p)
    return {
        "service_request_id": p.code,
        "status": "open" if state in OPEN_STATES else "closed",
        "status_notes": notes,
        "service_name": str(Petition.Subject(p.subject).label),
        "service_code": p.subject,
        "description": p.content if own else p.public_content,
        "agency_responsible": p.forwarded_to or p.unit.name,
        "service_notice": SERVICE_NOTICE,
        "requested_datetime": iso(p.received_at),
        "updated_datetime": iso(p.updated_at),
        "expected_datetime": iso(due or p.answer_due_at),
        "address": p.address_string if own else "",
        "address_id": "",
        "zipcode": "",
        "lat": float(p.latitude) if p.latitude is not None and own else None,
        "long": float(p.longitude) if p.longitude is not None and own else None,
        "media_url": p.media_url if own else "",
    }


# --- views ---------------------------------------------------------------------------------


def _fmt_or_404(fmt):
    if fmt not in ("json", "xml"):
        raise Open311Error(404, "Định dạng không hỗ trợ: chỉ có json hoặc xml.")


def _wrap(view):
    def inner(request, *args, fmt="json", **kwargs):
        try:
            _fmt_or_404(fmt)
            for name, value in request.GET.items():
                if "\x00" in value or "\x00" in name:
                    raise Open311Error(400, "Tham số chứa ký tự không hợp lệ (NUL).")
            jurisdiction = request.GET.get("jurisdiction_id", "")
            if jurisdiction and not OrgUnit.objects.filter(code=jurisdiction).exists():
                raise Open311Error(404, f"Không có jurisdiction_id “{jurisdiction}”.")
            return view(request, *args, fmt=fmt, **kwargs)
        except Open311Error as e:
            return error(fmt if fmt in ("json", "xml") else "json", e.code, e.description)

    inner.__name__ = view.__name__
    return csrf_exempt(inner)


@_wrap
def services_list(request, fmt):
    if request.method != "GET":
        raise Open311Error(405, "Chỉ hỗ trợ GET.")
    return render(fmt, "services", "service", [service(s) for s in Petition.Subject])


@_wrap
def service_definition(request, code, fmt):
    if code not in Petition.Subject.values:
        raise Open311Error(404, f"Không có service_code “{code}”.")
    return render(fmt, "service_definition", "", {"service_code": code, "attributes": []})


def _key(request) -> Open311ApiKey | None:
    key = request.POST.get("api_key") or request.GET.get("api_key") or ""
    if not key:
        return None
    return Open311ApiKey.objects.filter(key_hash=api_key_hash(key), active=True).first()


def _parse_date(value: str, name: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(
            400, f"{name} phải theo ISO 8601 (ví dụ 2025-03-01T00:00:00Z)."
        ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _visible(key: Open311ApiKey | None):
    published = Q(status__in=selectors.PUBLIC_STATES)
    if key is not None:
        return Petition.objects.filter(published | Q(open311_key=key))
    return Petition.objects.filter(published)


@_wrap
def requests_view(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    if request.method != "GET":
        raise Open311Error(405, "Chỉ hỗ trợ GET và POST.")
    key = _key(request)
    qs = _visible(key).select_related("unit")
    g = request.GET
    if g.get("jurisdiction_id"):
        # A jurisdiction (an OrgUnit code) covers its own petitions and its subtree's.
        path = OrgUnit.objects.get(code=g["jurisdiction_id"]).path
        qs = qs.filter(unit__path__startswith=path)
    if g.get("service_request_id"):
        ids = [i.strip() for i in g["service_request_id"].split(",") if i.strip()]
        qs = qs.filter(code__in=ids)
    else:
        if g.get("service_code"):
            codes = [c.strip() for c in g["service_code"].split(",")]
            unknown = [c for c in codes if c not in Petition.Subject.values]
            if unknown:
                raise Open311Error(400, f"service_code không hợp lệ: {', '.join(unknown)}.")
            qs = qs.filter(subject__in=codes)
        end = _parse_date(g["end_date"], "end_date") if g.get("end_date") else request.now
        start = (
            _parse_date(g["start_date"], "start_date")
            if g.get("start_date")
            else end - dt.timedelta(days=90)
        )
        if end < start:
            raise Open311Error(400, "end_date phải sau start_date.")
        if end - start > dt.timedelta(days=90):
            raise Open311Error(400, "Khoảng thời gian tìm kiếm không được quá 90 ngày.")
        qs = qs.filter(received_at__gte=start, received_at__lte=end)
        if g.get("status"):
            wanted = {s.strip() for s in g["status"].split(",")}
            if not wanted <= {"open", "closed"}:
                raise Open311Error(400, "status chỉ nhận open hoặc closed.")
            if wanted == {"open"}:
                qs = qs.filter(status__in=OPEN_STATES)
            elif wanted == {"closed"}:
                qs = qs.exclude(status__in=OPEN_STATES)
    rows = [request_dict(p, own=key is not None and p.open311_key_id == key.pk)
            for p in qs.order_by("-received_at", "-id")[:1000]]  # fmt: skip
    return render(fmt, "service_requests", "request", rows)


@_wrap
def request_detail(request, rid, fmt):
    key = _key(request)
    p = _visible(key).select_related("unit").filter(code=rid).first()
    if p is None:
        raise Open311Error(404, f"Không tìm thấy yêu cầu “{rid}”.")
    own = key is not None and p.open311_key_id == key.pk
    return render(fmt, "service_requests", "request", [request_dict(p, own=own)])


def _decimal(value: str, name: str, limit: int) -> Decimal | None:
    if not value:
        return None
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise Open311Error(400, f"{name} phải là số thập phân.") from None
    if not d.is_finite() or abs(d) > limit:
        raise Open311Error(400, f"{name} nằm ngoài khoảng cho phép (±{limit}).")
    return d.quantize(Decimal("0.000001"))


def _unit(jurisdiction: str) -> OrgUnit:
    code = jurisdiction or settings.MOTCUA_OPEN311_UNIT
    if code:
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            raise Open311Error(404, f"Không có jurisdiction_id “{code}”.")
        return unit
    unit = OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()
    if unit is None:
        raise Open311Error(503, "Hệ thống chưa có đơn vị nhận phản ánh, kiến nghị.")
    return unit


def _create(request, fmt):
    from motcua.petitions.domain.lifecycle import PetitionError

    key = _key(request)
    if key is None:
        raise Open311Error(403, "api_key không hợp lệ hoặc đã bị thu hồi.")
    d = request.POST
    for name, value in d.items():
        if "\x00" in value:
            raise Open311Error(400, f"{name} chứa ký tự không hợp lệ (NUL).")
    code = d.get("service_code", "")
    if not code:
        raise Open311Error(400, "Thiếu service_code.")
    if code not in Petition.Subject.values:
        raise Open311Error(404, f"Không có service_code “{code}”.")
    description = d.get("description", "").strip()
    if not description:
        raise Open311Error(400, "Thiếu description (nội dung phản ánh, kiến nghị).")
    lat = _decimal(d.get("lat", ""), "lat", 90)
    lon = _decimal(d.get("long", ""), "long", 180)
    if (lat is None) != (lon is None):
        raise Open311Error(400, "Cần cả lat và long.")
    media_url = d.get("media_url", "").strip()
    if media_url:
        try:
            URLValidator(schemes=["http", "https"])(media_url)
        except ValidationError:
            raise Open311Error(400, "media_url không phải địa chỉ http(s) hợp lệ.") from None
    name = " ".join(
        x for x in (d.get("first_name", "").strip(), d.get("last_name", "").strip()) if x
    )
    sender = {"name": name, "phone": d.get("phone", ""), "email": d.get("email", "")}
    anonymous = not (sender["phone"] or sender["email"])
    if not anonymous and not name:
        sender["name"] = sender["email"] or sender["phone"]
    try:
        p = services.petition_submit(
            unit=_unit(d.get("jurisdiction_id", "")),
            subject=code,
            title=description.splitlines()[0][:120],
            content=description,
            channel=Petition.Channel.OPEN311,
            sender=sender,
            anonymous=anonymous,
            location={
                "lat": lat, "long": lon, "address_string": d.get("address_string", ""),
                "media_url": media_url,
            },
            open311_key=key,
        )  # fmt: skip
    except PetitionError as e:
        raise Open311Error(400, str(e)) from None
    return render(
        fmt,
        "service_requests",
        "request",
        [{"service_request_id": p.code, "service_notice": SERVICE_NOTICE, "account_id": None}],
        201,
    )
