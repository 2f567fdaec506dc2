"""Statuses, channels, actions, result deliveries, step results and outbox states read in
English once English is chosen: every label the enums carry is in the catalogue, and the
officer's and the citizen's pages translate them."""

import pytest
from django.urls import reverse
from django.utils import translation

from motcua.catalogue.models import Component
from motcua.dossiers.domain.workflow import CHANNEL_LABELS, STATUS_LABELS, TRANSITIONS
from motcua.dossiers.labels import LABELS
from motcua.dossiers.models import Dossier, DossierEvent, DossierPause
from motcua.notifications.models import Notification
from tests.dossiers.conftest import people, procedure, receive, units  # noqa: F401


def _enum_labels() -> set[str]:
    out = {*STATUS_LABELS.values(), *CHANNEL_LABELS.values()}
    out |= {t.label for t in TRANSITIONS.values()}
    out |= {"Nộp hồ sơ trực tuyến", "Đính kèm kết quả điện tử"}
    for choices in (
        Component.Form,
        Dossier.ResultDelivery,
        Dossier.ApplicantKind,
        DossierEvent.StepResult,
        DossierPause.Kind,
        Notification.Channel,
        Notification.Status,
    ):
        out |= {str(label) for _, label in choices.choices}
    return out


def test_the_list_covers_every_label():
    assert set(LABELS) == _enum_labels()


@pytest.mark.parametrize("label", sorted(_enum_labels()))
def test_each_label_has_its_english(label):
    with translation.override("en"):
        english = translation.gettext(label)
    assert english and (english != label or label in {"SMS"}), label


def test_officer_page_in_english(client, receive, people):  # noqa: F811
    dossier = receive()
    client.force_login(people["desk"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Received" in page and "At the counter" in page and "At the one-stop desk" in page
    assert "Receive dossiers" in page  # the timeline's action
    assert "Được tiếp nhận" not in page and "Trực tiếp" not in page
    assert "<td>Original</td>" in page and "original</td>" not in page  # component form
