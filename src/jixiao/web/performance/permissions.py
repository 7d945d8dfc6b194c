"""Per-object permissions, used by every page, API endpoint and admin class.

Reporters and approvers act for their own units only; a reviewer acts for the units under the office
they belong to and never sees a unit's drafts; a superuser may do anything. The public sees only
published disclosures, which are served from their own immutable snapshots.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from jixiao.web.performance.models import AuditLog, Membership, Organization, Submission

Status = Submission.Status
Role = Membership.Role


def _roles(user: Any) -> set[tuple[int, str]]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached: set[tuple[int, str]] | None = getattr(user, "_jixiao_roles", None)
    if cached is None:
        cached = set(Membership.objects.filter(user=user).values_list("organization_id", "role"))
        user._jixiao_roles = cached
    return cached


def unit_ids(user: Any, *roles: str) -> set[int]:
    wanted = set(roles) or {Role.REPORTER, Role.APPROVER}
    return {org for org, role in _roles(user) if role in wanted}


def office_ids(user: Any) -> set[int]:
    return {org for org, role in _roles(user) if role == Role.REVIEWER}


def is_superuser(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def is_staff_member(user: Any) -> bool:
    """Anyone with a role (or a superuser): may use the work pages."""
    return is_superuser(user) or bool(_roles(user))


def reviews_unit(user: Any, unit: Organization) -> bool:
    return is_superuser(user) or (unit.parent_id is not None and unit.parent_id in office_ids(user))


def submissions_visible(user: Any) -> QuerySet[Submission]:
    qs = Submission.objects.select_related("unit", "period__cycle")
    if is_superuser(user):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(
        Q(unit_id__in=unit_ids(user))
        | (Q(unit__parent_id__in=office_ids(user)) & ~Q(status=Status.DRAFT))
    )


def can_view_submission(user: Any, sub: Submission) -> bool:
    if is_superuser(user) or sub.unit_id in unit_ids(user):
        return True
    return reviews_unit(user, sub.unit) and sub.status != Status.DRAFT


def can_edit_entries(user: Any, sub: Submission) -> bool:
    if sub.status not in (Status.DRAFT, Status.RETURNED):
        return False
    return is_superuser(user) or sub.unit_id in unit_ids(user)


def can_submit(user: Any, sub: Submission) -> bool:
    if sub.status not in (Status.DRAFT, Status.RETURNED):
        return False
    return is_superuser(user) or sub.unit_id in unit_ids(user, Role.APPROVER)


def can_review(user: Any, sub: Submission) -> bool:
    return sub.status == Status.SUBMITTED and reviews_unit(user, sub.unit)


def can_override(user: Any, sub: Submission) -> bool:
    return sub.status in (Status.SUBMITTED, Status.APPROVED) and reviews_unit(user, sub.unit)


def can_correct_targets(user: Any, sub: Submission) -> bool:
    """A correction of a target applies to one report (services.target_correct): the unit corrects while drafting
    (draft, returned, reopened), the unit's reviewer a submitted report; nobody an approved or published one."""
    return can_edit_entries(user, sub) or (sub.status == Status.SUBMITTED and reviews_unit(user, sub.unit))


def can_correct_later_periods(user: Any, sub: Submission) -> bool:
    """Whether a correction in ``sub`` may also go to the unit's later periods' reports still being drafted: for
    those who draft the unit's reports (its reporters and approvers, a superuser), never for the office."""
    return can_correct_targets(user, sub) and (is_superuser(user) or sub.unit_id in unit_ids(user))


def can_publish(user: Any, sub: Submission) -> bool:
    return sub.status == Status.APPROVED and reviews_unit(user, sub.unit)


def can_reopen(user: Any, sub: Submission) -> bool:
    return sub.status == Status.PUBLISHED and reviews_unit(user, sub.unit)


def can_import(user: Any) -> bool:
    return is_superuser(user) or bool(office_ids(user))


def admin_unit_ids(user: Any) -> set[int]:
    """The units a scoped (non-superuser) staff user's admin covers: their own units and every unit under the
    offices they review. Offices themselves are outside it (only a superuser manages an office or its reviewers)."""
    ids = set(unit_ids(user))
    offices = office_ids(user)
    if offices:
        ids |= set(Organization.objects.filter(parent_id__in=offices).values_list("id", flat=True))
    return ids


def admin_users(user: Any) -> QuerySet[Any]:
    """The users within a scoped staff user's admin: users every one of whose roles is in a unit the admin covers
    or an office the staff user reviews (themselves included), never a superuser. A user who also holds a role
    elsewhere is outside it, so nobody can reach another office through a shared account."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.all()
    if is_superuser(user):
        return users
    if not getattr(user, "is_authenticated", False):
        return users.none()
    orgs = admin_unit_ids(user) | office_ids(user)
    outside = Membership.objects.exclude(organization_id__in=orgs)
    return (users.filter(pk__in=Membership.objects.filter(organization_id__in=orgs).values("user_id"))
            .exclude(pk__in=outside.values("user_id")).exclude(is_superuser=True))


def admin_may_grant_to(user: Any, grantee_id: int | None) -> bool:
    """Whether a staff user's admin may give, change or take a role held by the user ``grantee_id``: a superuser
    anyone's; a scoped staff user the roles of the people within their scope (``admin_users``) but never their own
    (a reporter would make themselves approver, a reviewer the approver of the reports they review)."""
    if is_superuser(user):
        return True
    if grantee_id is None or grantee_id == getattr(user, "pk", None):
        return False
    return admin_users(user).filter(pk=grantee_id).exists()


def offices_managed(user: Any) -> QuerySet[Organization]:
    qs = Organization.objects.filter(kind=Organization.Kind.OFFICE)
    return qs if is_superuser(user) else qs.filter(id__in=office_ids(user))


def audit_visible(user: Any) -> QuerySet[AuditLog]:
    qs = AuditLog.objects.select_related("actor", "unit")
    if is_superuser(user):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    offices = office_ids(user)
    return qs.filter(
        Q(unit_id__in=unit_ids(user))
        | ((Q(unit__parent_id__in=offices) | Q(unit_id__in=offices)) & Q(private=False))
    )
