"""An officer's rights stop at their unit: ward A's people cannot open ward B's objects."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.accounts.scoping import scope_units
from tests.factories import small_tree


@pytest.fixture
def tree(db):
    return small_tree()


@pytest.mark.parametrize(
    ("role", "unit_code", "sees", "does_not_see"),
    [
        # a ward officer: the ward and its desks, not the sister ward or the city
        (Role.ONE_STOP_OFFICER, "A.MC", {"A", "A.MC", "A.TP"}, {"B", "B.MC", "D", "D.TP"}),
        (Role.SPECIALIST, "A.TP", {"A", "A.MC", "A.TP"}, {"B", "D"}),
        # a city department head: the city and its departments, not the wards below
        (Role.DEPARTMENT_HEAD, "D.TP", {"D", "D.TP"}, {"A", "A.MC", "B", "P1"}),
        # a city supervisor: the whole city subtree
        (Role.SUPERVISOR, "D", {"D", "D.TP", "A", "A.MC", "B", "B.MC", "S"}, {"P1", "N"}),
        # an administrator without a unit: everything
        (Role.ADMINISTRATOR, None, {"P1", "P2", "A", "B", "N", "N.TT"}, set()),
    ],
)
def test_scope_of_each_role(tree, make_user, role, unit_code, sees, does_not_see):
    user = make_user("u", role, unit=tree[unit_code] if unit_code else None)
    codes = set(scope_units(user).values_list("code", flat=True))
    assert sees <= codes
    assert not (does_not_see & codes)


@pytest.mark.parametrize(
    "role", [Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.DEPARTMENT_HEAD, Role.SUPERVISOR]
)
def test_own_unit_is_always_in_scope(tree, make_user, role):
    """Intake skips the scope query for the officer's own unit (`_unit_in_scope_check`):
    every unit of the tree, for every officer role, is in its own user's scope."""
    for i, unit in enumerate(tree.values()):
        user = make_user(f"u{i}", role, unit=unit)
        assert scope_units(user).filter(pk=unit.pk).exists(), (role, unit.code)


def test_citizen_without_unit_sees_no_unit(tree, make_user):
    user = make_user("dan", Role.CITIZEN)
    assert not scope_units(user).exists()


@pytest.fixture
def ward_admins(tree, make_user):
    admin_a = make_user("quantri_a", Role.ADMINISTRATOR, unit=tree["A"])
    officer_b = make_user("motcua_b", Role.ONE_STOP_OFFICER, unit=tree["B.MC"])
    officer_a = make_user("motcua_a", Role.ONE_STOP_OFFICER, unit=tree["A.MC"])
    return admin_a, officer_a, officer_b


def test_ward_admin_cannot_open_other_wards_user_in_admin(client, tree, ward_admins):
    admin_a, officer_a, officer_b = ward_admins
    client.force_login(admin_a)

    own = client.get(reverse("admin:accounts_user_change", args=[officer_a.pk]))
    assert own.status_code == 200
    assert "motcua_a" in own.content.decode()

    other = client.get(reverse("admin:accounts_user_change", args=[officer_b.pk]), follow=True)
    assert "motcua_b" not in other.content.decode()
    assert other.redirect_chain  # sent away to the admin index with a message

    listing = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "motcua_a" in listing and "motcua_b" not in listing


def test_ward_admin_cannot_open_or_edit_other_wards_unit(client, tree, ward_admins):
    admin_a, *_ = ward_admins
    client.force_login(admin_a)
    assert (
        client.get(reverse("admin:org_orgunit_change", args=[tree["A.MC"].pk])).status_code == 200
    )
    response = client.post(
        reverse("admin:org_orgunit_change", args=[tree["B.MC"].pk]),
        {"code": "B.MC", "name": "Đổi tên trái phép", "kind": "one_stop_desk"},
    )
    assert response.status_code == 302
    tree["B.MC"].refresh_from_db()
    assert tree["B.MC"].name == "Bộ phận Một cửa phường B"


def test_ward_admin_can_only_assign_units_in_scope(client, tree, ward_admins):
    admin_a, *_ = ward_admins
    client.force_login(admin_a)
    change = client.get(reverse("admin:accounts_user_change", args=[admin_a.pk])).content.decode()
    assert "Bộ phận Một cửa phường A" in change
    assert "Bộ phận Một cửa phường B" not in change


def test_supervisor_reads_but_cannot_change(client, tree, make_user):
    supervisor = make_user("giamsat", Role.SUPERVISOR, unit=tree["D"])
    client.force_login(supervisor)
    url = reverse("admin:org_orgunit_change", args=[tree["A"].pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"code": "A", "name": "Sửa", "kind": "ward"})
    assert response.status_code == 403
    tree["A"].refresh_from_db()
    assert tree["A"].name == "Phường A"
