"""Pages. Thin: read through selectors/permissions, change through services, render a template."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.web.performance import limits, selectors, services
from jixiao.web.performance import permissions as perm
from jixiao.web.performance.forms import (
    CommentForm,
    EntryForm,
    ImportForm,
    OverrideForm,
    PeriodsForm,
    StartForm,
    TargetCorrectionForm,
)
from jixiao.web.performance.models import (
    Disclosure,
    ImportRecord,
    Organization,
    Period,
    ProgressEntry,
    Submission,
    Target,
    Verdict,
)

# --- public -----------------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "performance/home.html", {
        "overview": selectors.public_overview(), "rankings": selectors.period_rankings(),
    })


def published_versions_or_404(unit_id: int, year: int, period_slug: str) -> tuple[Organization, list[Disclosure]]:
    """A unit's published versions of one period's disclosure, newest first; 404 when there are none."""
    unit = get_object_or_404(Organization, pk=unit_id)
    code = selectors.SLUG_TO_PERIOD.get(period_slug)
    if code is None:
        raise Http404
    versions = selectors.disclosure_versions(unit, year, code)
    if not versions:
        raise Http404(_("尚未公示"))
    return unit, versions


def version_or_404(versions: list[Disclosure], wanted: str | None) -> Disclosure:
    """The version named by ``?version=`` (the newest when none is named); 404 for an unknown one."""
    if not wanted:
        return versions[0]
    shown = next((d for d in versions if str(d.version) == wanted), None)
    if shown is None:
        raise Http404
    return shown


def disclosure_detail(request: HttpRequest, unit_id: int, year: int, period_slug: str) -> HttpResponse:
    unit, versions = published_versions_or_404(unit_id, year, period_slug)
    current = versions[0]
    shown = version_or_404(versions, request.GET.get("version"))
    verdict = request.GET.get("verdict", "")
    goal = request.GET.get("goal", "")
    goals = list(dict.fromkeys(r["goal"] for r in shown.snapshot.get("rows", [])))
    return render(request, "performance/disclosure.html", {
        "unit": unit, "d": shown, "current": current, "versions": versions,
        "rows": selectors.display_rows(shown.snapshot, verdict=verdict, goal=goal),
        "counts": selectors.snapshot_counts(shown.snapshot), "goals": goals, "verdict": verdict, "goal": goal,
        "corrections": [d for d in versions if d.version > 1 and d.version <= shown.version],
    })


def unit_compare(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_object_or_404(Organization, pk=unit_id)
    data = selectors.unit_comparison(unit)
    if not data["columns"]:
        raise Http404(_("尚未公示"))
    return render(request, "performance/compare.html", {"unit": unit, **data})


# --- work pages -------------------------------------------------------------------------------------


def _staff(request: HttpRequest) -> None:
    if not perm.is_staff_member(request.user):
        raise PermissionDenied(_("您没有任何单位的角色"))


def _submission(request: HttpRequest, pk: int) -> Submission:
    sub = get_object_or_404(Submission.objects.select_related("unit", "period__cycle"), pk=pk)
    if not perm.can_view_submission(request.user, sub):
        raise Http404  # do not reveal that another unit's report exists
    return sub


@login_required
def work_home(request: HttpRequest) -> HttpResponse:
    _staff(request)
    user = request.user
    units = Organization.objects.filter(pk__in=perm.unit_ids(user)) if not perm.is_superuser(user) else \
        Organization.objects.filter(kind=Organization.Kind.UNIT)
    startable = []
    for unit in units:
        if unit.parent_id is None:
            continue
        for p in Period.objects.filter(cycle__office_id=unit.parent_id).select_related("cycle"):
            startable.append((f"{unit.pk}:{p.pk}", f"{unit.name} · {p}"))
    return render(request, "performance/work_home.html", {
        "submissions": perm.submissions_visible(user),
        "start_form": StartForm(periods=startable) if startable else None,
        "offices": perm.offices_managed(user),
        "periods_form": PeriodsForm() if perm.offices_managed(user).exists() else None,
        "can_import": perm.can_import(user),
    })


@login_required
@require_POST
def submission_start(request: HttpRequest) -> HttpResponse:
    _staff(request)
    raw = request.POST.get("period", "")
    try:
        unit_id, period_id = (int(x) for x in raw.split(":"))
    except ValueError:
        raise Http404 from None
    unit = get_object_or_404(Organization, pk=unit_id)
    period = get_object_or_404(Period, pk=period_id, cycle__office_id=unit.parent_id)
    sub = services.submission_start(unit=unit, period=period, actor=request.user)
    return redirect("submission-detail", pk=sub.pk)


@login_required
@require_POST
def periods_configure(request: HttpRequest, office_id: int) -> HttpResponse:
    office = get_object_or_404(perm.offices_managed(request.user), pk=office_id)
    form = PeriodsForm(request.POST)
    if form.is_valid():
        services.cycle_periods_configure(office=office, year=form.cleaned_data["year"],
                                         codes=form.cleaned_data["codes"], actor=request.user)
        messages.success(request, _("报告期已设置"))
    else:
        messages.error(request, _("请选择年度和报告期"))
    return redirect("work-home")


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sub = _submission(request, pk)
    user = request.user
    entries = list(sub.entries.select_related("indicator__goal").prefetch_related("verdicts__target", "actuals"))
    corrections = services.submission_corrections(submission=sub)
    rows = []
    for e in entries:
        verdicts = list(e.verdicts.all())
        rows.append({
            "entry": e, "verdicts": [{"verdict": v, "correction": corrections.get(v.target_id)} for v in verdicts],
            "target_spans": [{"start": v.target.span_start, "end": v.target.span_end,
                              "cls": f"target target-{v.effective}", "title": v.reason} for v in verdicts],
            "evidence_spans": [{"start": ev["start"], "end": ev["end"], "cls": f"evidence evidence-{v.effective}",
                                "title": v.target.text} for v in verdicts for ev in v.evidence],
            "stale": e.checked_text != e.narrative,
        })
    return render(request, "performance/submission.html", {
        "sub": sub, "rows": rows,
        "can_edit": perm.can_edit_entries(user, sub), "can_submit": perm.can_submit(user, sub),
        "can_review": perm.can_review(user, sub), "can_publish": perm.can_publish(user, sub),
        "can_reopen": perm.can_reopen(user, sub), "can_override": perm.can_override(user, sub),
        "can_correct": perm.can_correct_targets(user, sub),
        "comment_form": CommentForm(), "override_form": OverrideForm(),
        "disclosures": sub.disclosures.order_by("-version"),
    })


@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(ProgressEntry.objects.select_related("submission__unit", "indicator__goal"), pk=pk)
    sub = entry.submission
    if not perm.can_view_submission(request.user, sub):
        raise Http404
    if not perm.can_edit_entries(request.user, sub):
        raise PermissionDenied(_("此报告当前不能修改"))
    targets = list(entry.indicator.targets.all())
    actuals = {a.target_id: a.value for a in entry.actuals.all()}
    corrections = services.submission_corrections(submission=sub)
    form = EntryForm(request.POST or None, targets=targets, actuals=actuals, corrections=corrections,
                     initial={"narrative": entry.narrative, "version": entry.version})
    conflict: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(entry=entry, actor=request.user, narrative=form.cleaned_data["narrative"],
                                  actuals=form.actuals(), version=form.cleaned_data["version"])
        except ValidationError as exc:
            form.add_error(None, exc)
        except services.Conflict as exc:
            if "version" not in exc.current:  # the report moved on (submitted meanwhile): no longer editable
                messages.error(request, exc.message)
                return redirect("submission-detail", pk=sub.pk)
            # keep what this person typed; the form now rests on the current version, so saving again
            # (after reading the other text, shown above the form) overwrites it knowingly
            conflict = exc.current
            data = request.POST.copy()
            data["version"] = str(exc.current.get("version", ""))
            form = EntryForm(data, targets=targets, actuals=actuals, corrections=corrections)
            form.is_valid()
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("已保存，核验结果已更新"))
            return redirect(reverse("submission-detail", kwargs={"pk": sub.pk}) + f"#entry-{entry.pk}")
    return render(request, "performance/entry_edit.html", {"entry": entry, "sub": sub, "form": form,
                                                           "conflict": conflict})


_ACTIONS = {
    "submit": lambda sub, user, comment: services.submission_submit(submission=sub, actor=user),
    "return": lambda sub, user, comment: services.submission_return(submission=sub, actor=user, comment=comment),
    "approve": lambda sub, user, comment: services.submission_approve(submission=sub, actor=user, comment=comment),
    "publish": lambda sub, user, comment: services.disclosure_publish(submission=sub, actor=user, note=comment),
    "reopen": lambda sub, user, comment: services.submission_reopen(submission=sub, actor=user, reason=comment),
}


@login_required
@require_POST
def submission_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    sub = _submission(request, pk)
    if action not in _ACTIONS:
        raise Http404
    try:
        _ACTIONS[action](sub, request.user, request.POST.get("comment", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except services.Conflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("操作已完成：%(status)s") % {"status": sub.get_status_display()})
    return redirect("submission-detail", pk=sub.pk)


@login_required
@require_POST
def verdict_override(request: HttpRequest, pk: int) -> HttpResponse:
    verdict = get_object_or_404(Verdict.objects.select_related("entry__submission__unit"), pk=pk)
    sub = verdict.entry.submission
    if not perm.can_view_submission(request.user, sub):
        raise Http404
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.verdict_override(verdict=verdict, actor=request.user, new_verdict=form.cleaned_data["verdict"],
                                      reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("复核结论已保存"))
    else:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    return redirect(reverse("submission-detail", kwargs={"pk": sub.pk}) + f"#entry-{verdict.entry_id}")


def _periods_text(subs: list[Submission]) -> str:
    return "、".join(_("%(year)s年%(period)s（%(status)s）") % {
        "year": s.period.cycle.year, "period": s.period.get_code_display(), "status": s.get_status_display()}
        for s in subs)


@login_required
def target_correct(request: HttpRequest, sub_pk: int, pk: int) -> HttpResponse:
    """Correct a target in one report (and, when asked, in later periods' reports still being drafted)."""
    sub = _submission(request, sub_pk)
    target = get_object_or_404(Target.objects.select_related("indicator__goal"), pk=pk,
                               indicator__goal__unit=sub.unit, indicator__entries__submission=sub)
    if not perm.can_correct_targets(request.user, sub):
        raise PermissionDenied(_("不能更正此目标"))
    correction = services.submission_corrections(submission=sub).get(target.pk)
    eff = target.effective(correction)
    form = TargetCorrectionForm(request.POST or None, initial={
        "comparator": eff.comparator or ">=", "value": eff.value, "unit": eff.unit, "note": eff.note,
    })
    if not perm.can_correct_later_periods(request.user, sub):  # the office corrects the report before it only
        del form.fields["later_periods"]
    if request.method == "POST" and form.is_valid():
        try:
            done = services.target_correct(target=target, actor=request.user, submission=sub, **form.cleaned_data)
        except services.Conflict as exc:
            messages.error(request, exc.message)
            return redirect("submission-detail", pk=sub.pk)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("目标已更正，核验结果已更新（适用于：%(periods)s）") % {
                "periods": _periods_text(done.applied)})
            if done.not_applied:
                messages.warning(request, _("以下报告已提交、已审核或已公示，未作更改：%(periods)s") % {
                    "periods": _periods_text(done.not_applied)})
            return redirect("submission-detail", pk=sub.pk)
    return render(request, "performance/target_correct.html", {
        "form": form, "target": target, "sub": sub, "correction": correction})


@login_required
def late_units(request: HttpRequest, period_id: int) -> HttpResponse:
    period = get_object_or_404(Period.objects.select_related("cycle__office"), pk=period_id)
    office = period.cycle.office
    if not (perm.is_superuser(request.user) or office.pk in perm.office_ids(request.user)):
        raise Http404
    if request.method == "POST":
        unit = get_object_or_404(Organization, pk=request.POST.get("unit"), parent=office)
        try:
            services.reminder_send(unit=unit, period=period, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("已向 %(unit)s 发送提醒") % {"unit": unit.name})
        return redirect("late-units", period_id=period.pk)
    return render(request, "performance/late.html", {
        "period": period, "office": office, "late": services.units_late(office=office, period=period),
    })


def _import_office(request: HttpRequest, offices: QuerySet[Organization]) -> Organization | None:
    """The office a confirmed import goes into: the one posted, which must be one the user reviews (else 403);
    without one, the user's only office, or None (the import service decides, see disclosure_import)."""
    raw = request.POST.get("office", "")
    if raw:
        try:
            return offices.get(pk=int(raw))
        except (ValueError, Organization.DoesNotExist):
            raise PermissionDenied(_("只能导入到您审核的考核办")) from None
    return _only_office(offices)


def _only_office(offices: QuerySet[Organization]) -> Organization | None:
    only = list(offices[:2])
    return only[0] if len(only) == 1 else None


# room in a multipart body for the boundaries, the headers and the other fields beside the file
_MULTIPART_OVERHEAD = 64 * 1024


def _content_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def upload_too_large(request: HttpRequest) -> bool:
    """A POST to the import page whose declared Content-Length exceeds the upload limit (and room for the rest)."""
    if request.path_info != reverse("import-upload"):
        return False
    return _content_length(request) > settings.JIXIAO_MAX_UPLOAD_BYTES + _MULTIPART_OVERHEAD


@login_required
def import_upload_refused(request: HttpRequest) -> HttpResponse:
    """The import page refusing an upload from its Content-Length (security.RequestSizeLimitMiddleware calls it
    before anything reads the body): the file is not parsed, read or stored. HTTP 413."""
    if not perm.can_import(request.user):
        raise PermissionDenied(_("只有考核办可以导入公示"))
    return render(request, "performance/import.html", {
        "form": ImportForm(offices=perm.offices_managed(request.user)),
        "upload_error": limits.upload_too_large_message(_content_length(request)),
    }, status=413)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload → preview (where it goes, errors, warnings) → confirm. A reviewer imports into the office they
    review only; the preview refuses what the import would refuse, and a refused confirm writes nothing."""
    if not perm.can_import(request.user):
        raise PermissionDenied(_("只有考核办可以导入公示"))
    offices = perm.offices_managed(request.user)
    ctx: dict[str, Any] = {"form": ImportForm(offices=offices)}
    if request.method == "POST" and "confirm" in request.POST:
        record = get_object_or_404(ImportRecord, pk=request.POST["confirm"], status=ImportRecord.Status.PREVIEW,
                                   created_by=request.user)
        office = _import_office(request, offices)
        result, preview = services.disclosure_import(data=bytes(record.original), filename=record.filename,
                                                     actor=request.user, office=office)
        if result is None and not preview.already_imported:
            # refused (the unit is another office's, or an office): the preview is left as it was
            messages.error(request, "; ".join(preview.errors))
            return redirect("import-upload")
        record.delete()
        if result is None:
            messages.warning(request, _("此文件已导入过，未做任何更改"))
            return redirect("import-upload")
        messages.success(request, result.message)
        if result.submission_id:
            return redirect("submission-detail", pk=result.submission_id)
        return redirect("import-upload")
    if request.method == "POST" and upload_too_large(request):  # (the middleware said so already)
        return import_upload_refused(request)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, offices=offices)
        ctx["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            office = form.cleaned_data.get("office") or _only_office(offices)
            data = upload.read(settings.JIXIAO_MAX_UPLOAD_BYTES + 1)  # its size was checked: never more
            preview = services.disclosure_import_preview(data=data, filename=upload.name, actor=request.user,
                                                         office=office)
            ctx["preview"] = preview
            if preview.ok and not preview.already_imported:
                ctx["record"] = ImportRecord.objects.create(
                    sha256=preview.sha256, filename=upload.name[:300], original=data, created_by=request.user,
                )
    return render(request, "performance/import.html", ctx)


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    _staff(request)
    page = Paginator(perm.audit_visible(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "performance/audit.html", {"page": page})
