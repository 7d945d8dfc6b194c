"""Admin. Per-object permissions as everywhere else: a scoped (non-superuser) staff user sees, offers, saves and
deletes only what lies within their scope (``permissions.admin_unit_ids``: their own units and the units under the
offices they review; ``permissions.admin_users``: the people of those); published disclosures and the audit log are
read-only for everyone; changes are audited.

The scope is applied twice: every form offers only in-scope choices (a foreign key or many-to-many outside it is a
form error), and every save and delete checks it again on the server (a 403), so a hand-crafted POST cannot reach
past it. A scoped staff user never manages offices, cycles, groups or accounts outside their scope, never makes
anyone staff or superuser, and never grants a reviewer's role (reviewers belong to offices)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jixiao.web.performance import limits, services
from jixiao.web.performance import permissions as perm
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
    Target,
    Verdict,
)

User = get_user_model()


def _plain(obj: Model) -> dict[str, Any]:
    return {k: (v if isinstance(v, str | int | float | bool | type(None)) else str(v))
            for k, v in model_to_dict(obj).items()}


def _reviewed_offices(user: Any) -> QuerySet[Organization]:
    return Organization.objects.filter(kind=Organization.Kind.OFFICE, pk__in=perm.office_ids(user))


def in_scope(user: Any, model: type[Model]) -> QuerySet[Any]:
    """The objects of ``model`` a scoped staff user may pick in a form: what their admin covers, or nothing."""
    units = perm.admin_unit_ids(user)
    if model is Organization:
        return Organization.objects.filter(pk__in=units)
    if model is User:
        return perm.admin_users(user)
    if model in (Cycle, Period):
        offices = perm.office_ids(user) | {
            p for p in Organization.objects.filter(pk__in=units).values_list("parent_id", flat=True) if p}
        cycles = Cycle.objects.filter(office_id__in=offices)
        return cycles if model is Cycle else Period.objects.filter(cycle__in=cycles)
    paths: dict[type[Model], str] = {
        Goal: "unit_id", Indicator: "goal__unit_id", Target: "indicator__goal__unit_id", Submission: "unit_id",
        ProgressEntry: "submission__unit_id",
    }
    if model in paths:
        return model._default_manager.filter(**{f"{paths[model]}__in": units})
    return model._default_manager.none()


class ScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Filters the change list, the choices of every form and every save and delete to what the user may reach;
    writes an audit record for every save/delete."""

    unit_path = ""  # the lookup from this model to its unit; without one, only a superuser may use this admin

    # --- what the user may see ------------------------------------------------------------------------

    def _unit_ids(self, request: HttpRequest) -> set[int]:
        return perm.admin_unit_ids(request.user)

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

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and (
            perm.is_superuser(request.user) or (bool(self.unit_path) and bool(self._unit_ids(request))))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._allowed(request, obj)

    # --- what the forms offer -------------------------------------------------------------------------

    def scope_choices(self, request: HttpRequest, field_name: str, model: type[Model]) -> QuerySet[Any] | None:
        """The objects a form may name in this relation; None: anything (a superuser)."""
        if perm.is_superuser(request.user):
            return None
        return in_scope(request.user, model)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        qs = self.scope_choices(request, db_field.name, db_field.related_model)
        if qs is not None:
            kwargs["queryset"] = qs
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        qs = self.scope_choices(request, db_field.name, db_field.related_model)
        if qs is not None:
            kwargs["queryset"] = qs
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and not perm.is_superuser(request.user):
            # an object's present value of a relation stays selectable (saving it unchanged reaches nothing new)
            for name, fld in form.base_fields.items():
                if not isinstance(fld, forms.ModelChoiceField) or isinstance(fld, forms.ModelMultipleChoiceField):
                    continue
                current = getattr(obj, f"{name}_id", None)
                if current is not None and not fld.queryset.filter(pk=current).exists():
                    model = fld.queryset.model
                    fld.queryset = model._default_manager.filter(Q(pk__in=fld.queryset.values("pk")) | Q(pk=current))
        return form

    # --- what a save or delete may do (checked again on the server) -----------------------------------

    def check_scope(self, request: HttpRequest, obj: Model, change: bool) -> None:
        """Refuse (403) a save by a scoped staff user that names anything outside their scope or leaves the
        object outside it. Relations left as they were are not held against the save."""
        user = request.user
        if perm.is_superuser(user):
            return
        if not self.unit_path:
            raise PermissionDenied
        original = type(obj)._default_manager.filter(pk=obj.pk).first() if change and obj.pk else None
        if change and (original is None or not self._allowed(request, original)):
            raise PermissionDenied(_("超出您的管理范围"))
        for fld in obj._meta.concrete_fields:
            if not (fld.is_relation and (fld.many_to_one or fld.one_to_one)):
                continue
            value = getattr(obj, fld.attname)
            if value is None or (original is not None and getattr(original, fld.attname) == value):
                continue
            choices = self.scope_choices(request, fld.name, fld.related_model)
            if choices is not None and not choices.filter(pk=value).exists():
                raise PermissionDenied(_("超出您的管理范围：%(field)s") % {"field": fld.verbose_name})
        self.check_scope_after(request, obj, original)

    def check_scope_after(self, request: HttpRequest, obj: Any, original: Any) -> None:
        """The object, as it would be saved, must lie within the user's scope."""
        unit = self._unit_of(obj)
        if unit is None or unit.pk not in self._unit_ids(request):
            raise PermissionDenied(_("超出您的管理范围"))

    def _unit_of(self, obj: Model) -> Organization | None:
        target: Any = obj
        for part in self.unit_path.split("__") if self.unit_path else []:
            target = getattr(target, part, None)
        return target if isinstance(target, Organization) else None

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        self.check_scope(request, obj, change)
        before = _plain(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        services.audit_record(actor=request.user, action="admin.change" if change else "admin.add", obj=obj,
                              unit=self._unit_of(obj), before=before, after=_plain(obj))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        check_many_to_many(self, request, form)
        super().save_related(request, form, formsets, change)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        services.audit_record(actor=request.user, action="admin.delete", obj=obj, unit=self._unit_of(obj),
                              before=_plain(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """The change list's "delete selected": within the scope only, each deletion audited."""
        allowed = self.get_queryset(request)
        for obj in queryset:
            if not allowed.filter(pk=obj.pk).exists():
                raise PermissionDenied
            services.audit_record(actor=request.user, action="admin.delete", obj=obj, unit=self._unit_of(obj),
                                  before=_plain(obj))
        super().delete_queryset(request, queryset)


def check_many_to_many(model_admin: Any, request: HttpRequest, form: Any) -> None:
    """Every object a scoped staff user's form adds to or takes from a many-to-many relation must be within
    their scope (checked before anything of it is saved)."""
    if perm.is_superuser(request.user):
        return
    obj = form.instance
    for fld in obj._meta.many_to_many:
        if fld.name not in form.cleaned_data:
            continue
        wanted = {o.pk for o in form.cleaned_data[fld.name]}
        present = set(getattr(obj, fld.name).values_list("pk", flat=True)) if obj.pk else set()
        changed = wanted ^ present
        if not changed:
            continue
        choices = model_admin.scope_choices(request, fld.name, fld.related_model)
        if choices is None or choices.filter(pk__in=changed).count() != len(changed):
            raise PermissionDenied(_("超出您的管理范围：%(field)s") % {"field": fld.verbose_name})


class ReadOnlyAdmin(ScopedAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(ScopedAdmin):
    """A scoped staff user edits the units in their scope and adds units under an office they review; the kind is
    not theirs to change (no offices), nor may a unit leave for an office they do not review."""

    list_display = ["name", "kind", "parent"]
    unit_path = "id"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return admin.ModelAdmin.has_add_permission(self, request) and (
            perm.is_superuser(request.user) or bool(perm.office_ids(request.user)))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if perm.is_superuser(request.user) else (*fields, "kind")

    def scope_choices(self, request: HttpRequest, field_name: str, model: type[Model]) -> QuerySet[Any] | None:
        if field_name == "parent" and not perm.is_superuser(request.user):
            return _reviewed_offices(request.user)
        return super().scope_choices(request, field_name, model)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if not perm.is_superuser(request.user) and "parent" in form.base_fields:
            form.base_fields["parent"].required = obj is None or obj.parent_id is not None
        return form

    def check_scope_after(self, request: HttpRequest, obj: Any, original: Any) -> None:
        user = request.user
        if obj.kind != Organization.Kind.UNIT:
            raise PermissionDenied(_("只有超级管理员可以管理考核办公室"))
        if obj.parent_id is not None and obj.parent_id in perm.office_ids(user):
            return  # a unit of an office the user reviews
        if original is not None and original.parent_id == obj.parent_id and obj.pk in perm.unit_ids(user):
            return  # the user's own unit, left under its office
        raise PermissionDenied(_("超出您的管理范围"))


class MembershipAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Membership
        fields = "__all__"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        org, role = data.get("organization"), data.get("role")
        if org is not None and role:
            if role == Membership.Role.REVIEWER and org.kind != Organization.Kind.OFFICE:
                self.add_error("organization", _("考核办审核人只能属于考核办公室"))
            elif role != Membership.Role.REVIEWER and org.kind != Organization.Kind.UNIT:
                self.add_error("organization", _("填报人和单位审核人只能属于被考核单位"))
        return data


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    """A scoped staff user grants and withdraws the roles of a unit in their scope, to people in their scope other
    than themselves (their own roles are not theirs to manage: they are not listed, offered or saved); a reviewer's
    role (of an office) is a superuser's to grant."""

    form = MembershipAdminForm
    list_display = ["user", "organization", "role"]
    unit_path = "organization"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        return qs if perm.is_superuser(request.user) else qs.exclude(user_id=request.user.pk)

    def scope_choices(self, request: HttpRequest, field_name: str, model: type[Model]) -> QuerySet[Any] | None:
        qs = super().scope_choices(request, field_name, model)
        if qs is not None and field_name == "user":
            return qs.exclude(pk=request.user.pk)
        return qs

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "role" and not perm.is_superuser(request.user):
            kwargs["choices"] = [("", "---------"), *((v, label) for v, label in Membership.Role.choices
                                                       if v != Membership.Role.REVIEWER)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def check_scope_after(self, request: HttpRequest, obj: Any, original: Any) -> None:
        if obj.role == Membership.Role.REVIEWER:
            raise PermissionDenied(_("只有超级管理员可以授予考核办审核人角色"))
        if not perm.admin_may_grant_to(request.user, obj.user_id):
            raise PermissionDenied(_("不能为自己或管理范围以外的人设置角色"))
        super().check_scope_after(request, obj, original)


@admin.register(Cycle)
class CycleAdmin(ScopedAdmin):
    list_display = ["year", "office"]


@admin.register(Period)
class PeriodAdmin(ScopedAdmin):
    list_display = ["cycle", "code", "due_date"]


class GoalAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Goal
        fields = "__all__"

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        limits.check_length(name, "goal")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unit, cycle = data.get("unit"), data.get("cycle")
        if unit is not None and cycle is not None and cycle.office_id != unit.parent_id:
            self.add_error("cycle", _("考核年度必须是该单位所属考核办的"))
        return data


@admin.register(Goal)
class GoalAdmin(ScopedAdmin):
    form = GoalAdminForm
    list_display = ["name", "unit", "cycle"]
    unit_path = "unit"


class IndicatorAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Indicator
        fields = "__all__"

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        limits.check_length(text, "indicator")
        return text


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    form = IndicatorAdminForm
    list_display = ["__str__", "goal", "weight"]
    unit_path = "goal__unit"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            services.indicator_targets_extract(indicator=obj)
            return
        self.check_scope(request, obj, change)
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


# --- accounts -----------------------------------------------------------------------------------------


class ScopedUserAdmin(UserAdmin):  # type: ignore[type-arg]
    """Accounts. A superuser manages every account as Django's admin does. A scoped staff user sees and edits only
    the people within their scope (``permissions.admin_users``) who are neither staff nor superuser: their name,
    e-mail, password and whether the account is active; never staff or superuser status, groups or permissions
    (those fields are not in the form, and a save that changes them anyway is refused). New accounts, having no
    role, belong to nobody's scope: only a superuser adds them."""

    scoped_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (gettext_lazy("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (gettext_lazy("Permissions"), {"fields": ("is_active",)}),
        (gettext_lazy("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if perm.is_superuser(request.user):
            return qs
        return qs.filter(pk__in=perm.admin_users(request.user).values("pk"), is_staff=False, is_superuser=False)

    def _allowed(self, request: HttpRequest, obj: Any) -> bool:
        if perm.is_superuser(request.user) or obj is None:
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return perm.is_superuser(request.user) and super().has_add_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_view_permission(request, obj) and self._allowed(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._allowed(request, obj)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if perm.is_superuser(request.user) or obj is None:
            return super().get_fieldsets(request, obj)
        return self.scoped_fieldsets

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if perm.is_superuser(request.user) else (*fields, "last_login", "date_joined")

    def scope_choices(self, request: HttpRequest, field_name: str, model: type[Model]) -> QuerySet[Any] | None:
        return None if perm.is_superuser(request.user) else model._default_manager.none()  # groups, permissions

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        qs = self.scope_choices(request, db_field.name, db_field.related_model)
        if qs is not None:
            kwargs["queryset"] = qs
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not perm.is_superuser(request.user):
            original = self.get_queryset(request).filter(pk=obj.pk).first() if change and obj.pk else None
            if original is None:
                raise PermissionDenied(_("超出您的管理范围"))
            if obj.is_staff or obj.is_superuser:  # the account was neither (get_queryset): it stays so
                raise PermissionDenied(_("只有超级管理员可以授予管理员权限"))
        before = _plain_user(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        services.audit_record(actor=request.user, action="admin.change" if change else "admin.add", obj=obj,
                              unit=None, before=before, after=_plain_user(obj))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        check_many_to_many(self, request, form)
        super().save_related(request, form, formsets, change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        services.audit_record(actor=request.user, action="admin.delete", obj=obj, unit=None, before=_plain_user(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        allowed = self.get_queryset(request)
        for obj in queryset:
            if not allowed.filter(pk=obj.pk).exists():
                raise PermissionDenied
            services.audit_record(actor=request.user, action="admin.delete", obj=obj, unit=None,
                                  before=_plain_user(obj))
        super().delete_queryset(request, queryset)


def _plain_user(user: Any) -> dict[str, Any]:
    """An account for the audit log: never its password hash."""
    return {"username": user.username, "email": user.email, "is_active": user.is_active, "is_staff": user.is_staff,
            "is_superuser": user.is_superuser}


class SuperuserGroupAdmin(GroupAdmin):
    """Groups carry permissions: only a superuser adds, changes or deletes one (a scoped staff user could
    otherwise give their own group any permission)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return perm.is_superuser(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return perm.is_superuser(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return perm.is_superuser(request.user) and super().has_delete_permission(request, obj)


for _model, _admin_class in ((User, ScopedUserAdmin), (Group, SuperuserGroupAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _admin_class)
