"""Admin. Per-object permissions as everywhere else: a staff user with a unit role sees that unit's
objects only; published disclosures and the audit log are read-only for everyone; changes are audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.forms.models import model_to_dict
from django.http import HttpRequest

from jixiao.web.performance import permissions as perm
from jixiao.web.performance import services
from jixiao.web.performance.models import (
    AuditLog,
    Cycle,
    Disclosure,
    Goal,
    ImportRecord,
    Indicator,
    Membership,
    Organization,
    Period,
    ProgressEntry,
    Reminder,
    Submission,
    Verdict,
)


def _plain(obj: Model) -> dict[str, Any]:
    return {k: (v if isinstance(v, str | int | float | bool | type(None)) else str(v))
            for k, v in model_to_dict(obj).items()}


class ScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Filters the change list to what the user may see; writes an audit record for every save/delete."""

    unit_path = ""  # the lookup from this model to its unit

    def _unit_ids(self, request: HttpRequest) -> set[int]:
        user = request.user
        ids = set(perm.unit_ids(user))
        ids |= set(Organization.objects.filter(parent_id__in=perm.office_ids(user)).values_list("id", flat=True))
        return ids

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if perm.is_superuser(request.user):
            return qs
        if not self.unit_path:
            return qs.none()
        return qs.filter(**{f"{self.unit_path}__in": self._unit_ids(request)})

    def _allowed(self, request: HttpRequest, obj: Model | None) -> bool:
        if perm.is_superuser(request.user):
            return True
        if obj is None:
            return bool(self.unit_path)
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_view_permission(request, obj) and self._allowed(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._allowed(request, obj)

    def _unit_of(self, obj: Model) -> Organization | None:
        target: Any = obj
        for part in self.unit_path.split("__") if self.unit_path else []:
            target = getattr(target, part, None)
        return target if isinstance(target, Organization) else None

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        before = _plain(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        services.audit_record(actor=request.user, action="admin.change" if change else "admin.add", obj=obj,
                              unit=self._unit_of(obj), before=before, after=_plain(obj))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        services.audit_record(actor=request.user, action="admin.delete", obj=obj, unit=self._unit_of(obj),
                              before=_plain(obj))
        super().delete_model(request, obj)


class ReadOnlyAdmin(ScopedAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(ScopedAdmin):
    list_display = ["name", "kind", "parent"]
    unit_path = "id"


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["user", "organization", "role"]
    unit_path = "organization"


@admin.register(Cycle)
class CycleAdmin(ScopedAdmin):
    list_display = ["year", "office"]


@admin.register(Period)
class PeriodAdmin(ScopedAdmin):
    list_display = ["cycle", "code", "due_date"]


@admin.register(Goal)
class GoalAdmin(ScopedAdmin):
    list_display = ["name", "unit", "cycle"]
    unit_path = "unit"


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    list_display = ["__str__", "goal", "weight"]
    unit_path = "goal__unit"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            services.indicator_targets_extract(indicator=obj)
            return
        # Through the service: targets are read again, unpublished reports rechecked, the change audited.
        services.indicator_update(indicator=obj, actor=request.user)


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["unit", "period", "status", "score"]
    unit_path = "unit"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return perm.submissions_visible(request.user)


@admin.register(ProgressEntry)
class ProgressEntryAdmin(ReadOnlyAdmin):
    list_display = ["submission", "indicator", "verdict"]
    unit_path = "submission__unit"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return ProgressEntry.objects.filter(submission__in=perm.submissions_visible(request.user))


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyAdmin):
    list_display = ["entry", "target", "verdict", "override_verdict"]
    unit_path = "entry__submission__unit"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return Verdict.objects.filter(entry__submission__in=perm.submissions_visible(request.user))


@admin.register(Disclosure)
class DisclosureAdmin(ReadOnlyAdmin):
    list_display = ["title", "version", "published_at"]
    unit_path = "unit"


@admin.register(ImportRecord)
class ImportRecordAdmin(ReadOnlyAdmin):
    list_display = ["filename", "status", "created_at"]
    exclude = ["original"]
    unit_path = "submission__unit"


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_id"]
    unit_path = "unit"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return perm.audit_visible(request.user)


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["unit", "period", "sent_at"]
    unit_path = "unit"
