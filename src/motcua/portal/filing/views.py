"""Online filing (nộp hồ sơ trực tuyến), drafts, assisted filing and the citizen's documents.

Thin views: the rules are in `filing/services.py` (writes) and `filing/selectors.py` (reads). Every
draft and document is read through its owner, so someone else's id answers 404.
"""

import time
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import OperationalError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from motcua.accounts.roles import Role
from motcua.catalogue.models import ProcedureVersion
from motcua.core.files import file_response
from motcua.documents import selectors as doc_selectors
from motcua.documents.models import CitizenDocument
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.uploads import _megabytes, max_upload_bytes
from motcua.portal.filing import selectors, services
from motcua.portal.filing.forms import AssistStartForm, DraftForm, file_field_name
from motcua.portal.models import FilingDraft

PAGE_SIZE = 20
SUBMIT_ATTEMPTS = 4


def filer_required(view):
    """Signed in as a citizen or a community digital team member; others get 403."""

    @login_required(login_url="portal:login")
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if services.filer_role(request.user) is None:
            raise PermissionDenied(_("Chỉ công dân hoặc Tổ công nghệ số cộng đồng nộp hồ sơ."))
        return view(request, *args, **kwargs)

    return wrapper


def _messages_of(exc: ValidationError | DossierError) -> list[str]:
    if isinstance(exc, DossierError):
        return [exc.message]
    return list(exc.messages)


def _render(request, template: str, context: dict, status: int = 200):
    context = {
        **context,
        "perms_assist": services.filer_role(request.user) is Role.DIGITAL_TEAM,
        "max_size": _megabytes(max_upload_bytes()),
    }
    return render(request, template, context, status=status)


def _draft_or_404(request, draft_id) -> FilingDraft:
    try:
        return selectors.draft_get(user=request.user, draft_id=draft_id)
    except FilingDraft.DoesNotExist as exc:
        raise Http404(_("Không tìm thấy bản nháp.")) from exc


# --- start -------------------------------------------------------------------------------------


@filer_required
def file_start(request, national_code: str):
    try:
        version = selectors.filing_procedure_get(national_code=national_code)
    except ProcedureVersion.DoesNotExist as exc:
        raise Http404(_("Thủ tục không có hoặc không nộp trực tuyến được.")) from exc
    role = services.filer_role(request.user)
    assist_form = AssistStartForm(request.POST or None) if role is Role.DIGITAL_TEAM else None
    errors: list[str] = []
    if request.method == "POST":
        try:
            if assist_form is None:
                draft = services.draft_create(
                    owner=request.user, procedure_version=version, now=request.now
                )
            elif assist_form.is_valid():
                with transaction.atomic():
                    citizen, created = services.assisted_citizen_get_or_create(
                        helper=request.user,
                        phone=assist_form.cleaned_data["phone"],
                        full_name=assist_form.cleaned_data["full_name"],
                    )
                    draft = services.draft_create(
                        owner=request.user,
                        procedure_version=version,
                        citizen=citizen,
                        consent=assist_form.cleaned_data["consent"],
                        consent_note=assist_form.cleaned_data["consent_note"],
                        now=request.now,
                    )
                if created:
                    messages.info(
                        request,
                        _(
                            "Đã tạo tài khoản cho công dân với số điện thoại %(phone)s. Công dân "
                            "đặt mật khẩu bằng chức năng “Quên mật khẩu” (mã gửi qua SMS)."
                        )
                        % {"phone": citizen.phone},
                    )
            else:
                draft = None
            if draft is not None:
                return redirect("portal:draft", draft_id=draft.pk)
        except ValidationError as exc:
            if assist_form is not None and hasattr(exc, "error_dict"):
                for field, errs in exc.error_dict.items():
                    for e in errs:
                        assist_form.add_error(field if field in assist_form.fields else None, e)
            else:
                errors = _messages_of(exc)
    drafts = [
        d for d in selectors.drafts_open(user=request.user) if d.procedure_version_id == version.pk
    ]
    return _render(
        request,
        "portal/filing/start.html",
        {"v": version, "assist_form": assist_form, "drafts": drafts, "errors": errors},
        status=400 if errors or (assist_form is not None and assist_form.errors) else 200,
    )


# --- the draft ---------------------------------------------------------------------------------


def _reuse_choices(draft: FilingDraft, form: DraftForm) -> dict[int, dict]:
    """For each component: stored documents of the citizen with the same name first (one click
    each), then the others. None for assisted drafts (only the citizen reuses their store)."""
    if draft.assisted:
        return {}
    docs = list(doc_selectors.citizen_documents(user=draft.citizen)[:50])
    out = {}
    for c in form.components:
        same = [d for d in docs if d.name.casefold() == c.name.casefold()]
        out[c.pk] = {"same": same, "other": [d for d in docs if d not in same]}
    return out


def _draft_context(draft: FilingDraft, form: DraftForm) -> dict:
    files = {f.component_id: f for f in draft.files.all()}
    reuse = _reuse_choices(draft, form)
    rows = [
        {
            "component": c,
            "field": form[file_field_name(c.pk)],
            "file": files.get(c.pk),
            "reuse": reuse.get(c.pk),
        }
        for c in form.components
    ]
    return {"draft": draft, "form": form, "rows": rows, "v": draft.procedure_version}


@filer_required
def draft_edit(request, draft_id):
    draft = _draft_or_404(request, draft_id)
    if draft.status == FilingDraft.Status.SUBMITTED:
        return redirect("portal:draft_done", draft_id=draft.pk)
    if request.method != "POST":
        return _render(
            request, "portal/filing/draft.html", _draft_context(draft, DraftForm(draft=draft))
        )

    form = DraftForm(request.POST, request.FILES, draft=draft)
    action = request.POST.get("action", "save")
    if not form.is_valid():
        return _render(request, "portal/filing/draft.html", _draft_context(draft, form), status=400)
    try:
        with transaction.atomic():
            services.draft_save(
                draft=draft, user=request.user, fields=form.draft_fields(), uploads=form.uploads()
            )
            if action.startswith("reuse:"):
                _kind, component_id, document_id = action.split(":")
                services.draft_file_reuse(
                    draft=draft,
                    user=request.user,
                    component_id=int(component_id),
                    document_id=int(document_id),
                )
            elif action.startswith("remove:"):
                services.draft_file_remove(
                    draft=draft, user=request.user, component_id=int(action.split(":")[1])
                )
    except (ValidationError, DossierError, ValueError) as exc:
        if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
            for field, errs in exc.error_dict.items():
                for e in errs:
                    form.add_error(field if field in form.fields else None, e)
        else:
            msgs = (
                _messages_of(exc)
                if not isinstance(exc, ValueError)
                else [_("Thao tác không hợp lệ.")]
            )
            for m in msgs:
                form.add_error(None, m)
        draft = _draft_or_404(request, draft_id)  # the saved state, untouched
        return _render(request, "portal/filing/draft.html", _draft_context(draft, form), status=400)

    if action == "review":
        return redirect("portal:draft_review", draft_id=draft.pk)
    if action == "save":
        messages.success(
            request,
            _("Đã lưu bản nháp. Bạn có thể đăng xuất và tiếp tục sau tại mục “Bản nháp”."),
        )
    return redirect("portal:draft", draft_id=draft.pk)


def _submit_retrying(request, draft: FilingDraft) -> None:
    """Submission is idempotent, so a database busy error (SQLite's table lock while the
    other click's transaction commits, a PostgreSQL deadlock) is simply tried again."""
    for attempt in range(SUBMIT_ATTEMPTS):
        try:
            services.draft_submit(
                draft_id=draft.pk,
                user=request.user,
                token=request.POST.get("token", ""),
                now=request.now,
            )
            return
        except OperationalError:
            if attempt + 1 == SUBMIT_ATTEMPTS or transaction.get_connection().in_atomic_block:
                raise
            time.sleep(0.2 * (attempt + 1))


@filer_required
def draft_review(request, draft_id):
    draft = _draft_or_404(request, draft_id)
    if draft.status == FilingDraft.Status.SUBMITTED:
        return redirect("portal:draft_done", draft_id=draft.pk)
    errors: list[str] = []
    if request.method == "POST":
        try:
            _submit_retrying(request, draft)
        except ValidationError as exc:
            errors = _messages_of(exc)
        else:
            return redirect("portal:draft_done", draft_id=draft.pk)
        draft = _draft_or_404(request, draft_id)
    files = list(draft.files.all())
    problems = services.draft_problems(draft, files)
    by_component = {f.component_id: f for f in files}
    rows = [(c, by_component.get(c.pk)) for c in draft.procedure_version.components.all()]
    return _render(
        request,
        "portal/filing/review.html",
        {"draft": draft, "v": draft.procedure_version, "rows": rows, "problems": problems,
         "errors": errors},
        status=400 if errors else 200,
    )  # fmt: skip


@filer_required
def draft_done(request, draft_id):
    draft = _draft_or_404(request, draft_id)
    if draft.status != FilingDraft.Status.SUBMITTED:
        return redirect("portal:draft", draft_id=draft.pk)
    return _render(request, "portal/filing/done.html", {"draft": draft, "d": draft.dossier})


@filer_required
def draft_delete(request, draft_id):
    draft = _draft_or_404(request, draft_id)
    if request.method == "POST":
        try:
            services.draft_delete(draft=draft, user=request.user)
        except ValidationError as exc:
            for m in _messages_of(exc):
                messages.error(request, m)
        else:
            messages.success(request, _("Đã xóa bản nháp."))
        return redirect("portal:drafts")
    return _render(request, "portal/filing/delete.html", {"draft": draft})


@filer_required
def drafts(request):
    page = Paginator(selectors.drafts_open(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    return _render(request, "portal/filing/drafts.html", {"page": page})


@login_required(login_url="portal:login")
def assisted(request):
    if services.filer_role(request.user) is not Role.DIGITAL_TEAM:
        raise PermissionDenied(_("Chỉ dành cho Tổ công nghệ số cộng đồng."))
    page = Paginator(selectors.dossiers_assisted(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    return _render(request, "portal/filing/assisted.html", {"page": page})


# --- my documents ------------------------------------------------------------------------------


@login_required(login_url="portal:login")
def documents(request):
    page = Paginator(doc_selectors.citizen_documents(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    return _render(request, "portal/filing/documents.html", {"page": page})


@login_required(login_url="portal:login")
def document_download(request, pk: int):
    try:
        doc = doc_selectors.citizen_document_get(user=request.user, pk=pk)
    except CitizenDocument.DoesNotExist as exc:
        raise Http404(_("Không tìm thấy giấy tờ.")) from exc
    # As an attachment with nosniff and a sandbox CSP, like every stored file (core/files.py).
    return file_response(doc.file, filename=doc.original_name or doc.name)
