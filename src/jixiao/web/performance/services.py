"""Business actions (HackSoft style: ``noun_verb``). Views, the API, admin and commands call only these.

Every service that changes data writes an audit record and checks the permission it needs; views
check permissions too, so a wrong call fails loudly instead of silently doing more than allowed.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jixiao.core.check import is_results_paragraph, shared_paragraphs
from jixiao.core.errors import ReaderError
from jixiao.core.meta import standard_period
from jixiao.core.model import Disclosure as CoreDisclosure
from jixiao.core.results import Claim, RowResult
from jixiao.formats.registry import read_document
from jixiao.web.performance import checking, limits
from jixiao.web.performance import permissions as perm
from jixiao.web.performance.models import (
    PERIOD_ORDER,
    ActualValue,
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
    TargetCorrection,
    Verdict,
)

Status = Submission.Status
VERDICTS = ("met", "not_met", "unverified")
# The reports a unit is still drafting: draft, returned, and reopened (a published report reopened is returned).
# Only these gain a target correction from another period's report (services.target_correct, submission_start).
DRAFTING = (Status.DRAFT, Status.RETURNED)


class ForeignTarget(ValidationError):
    """A target id that is not one of the entry's (or the report's) targets: the API answers 404, as for
    any object that is not there to be written; the pages say what is wrong."""


class Conflict(PermissionDenied):
    """A change based on a state that another change has replaced meanwhile; nothing was written.

    The API answers 409, the pages show the message. ``current`` is what is there now (for an entry: its
    ``narrative``, ``actuals`` and ``version``; for a report: its ``status``). A PermissionDenied, so callers
    that only know that one still refuse; the views and the API catch Conflict first."""

    def __init__(self, message: str, *, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.current = current or {}


# --- audit -------------------------------------------------------------------------------------------


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: Any,
    unit: Organization | None,
    before: Any = None,
    after: Any = None,
    private: bool = False,
) -> AuditLog:
    return AuditLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=type(obj).__name__,
        object_id=str(obj.pk),
        unit=unit,
        before=before,
        after=after,
        private=private,
    )


# --- organisations and cycles -----------------------------------------------------------------------


def organization_get_or_create(*, name: str, kind: str, parent: Organization | None = None, actor: Any = None
                               ) -> Organization:
    """The organisation of this name, created (of ``kind``, under ``parent``) when there is none.

    Names are unique across every office, so an existing one is returned only when it is what was asked for: of
    that kind and, for a unit, under that office. Anything else (an office's name asked for as a unit, another
    office's unit) is refused with a ValidationError, never silently handed over."""
    org, created = Organization.objects.get_or_create(name=name, defaults={"kind": kind, "parent": parent})
    if created:
        audit_record(actor=actor, action="organization.create", obj=org, unit=org,
                     after={"name": name, "kind": kind, "parent": parent.name if parent else None})
        return org
    if org.kind != kind:
        raise ValidationError(_("“%(name)s”是%(kind)s，不能用作%(wanted)s") % {
            "name": name, "kind": org.get_kind_display(), "wanted": Organization.Kind(kind).label})
    if kind == Organization.Kind.UNIT and org.parent_id != (parent.pk if parent else None):
        raise ValidationError(_("单位“%(name)s”不属于%(office)s") % {
            "name": name, "office": parent.name if parent else _("（无考核办）")})
    return org


def period_get_or_create(*, office: Organization, year: int, code: str) -> Period:
    if code not in PERIOD_ORDER:
        raise ValidationError(_("未知的报告期：%(code)s") % {"code": code})
    cycle, _created = Cycle.objects.get_or_create(office=office, year=year)
    period, _created = Period.objects.get_or_create(cycle=cycle, code=code, defaults={"order": PERIOD_ORDER[code]})
    return period


# --- targets and verdicts ---------------------------------------------------------------------------


def _claim_fields(claim: Claim | None) -> dict[str, Any]:
    if claim is None:
        return {"actual_text": "", "actual_value": None, "actual_start": None, "actual_end": None}
    return {
        "actual_text": claim.text[:500],
        "actual_value": claim.value,
        "actual_start": claim.span[0],
        "actual_end": claim.span[1],
    }


def indicator_targets_extract(*, indicator: Indicator, result: RowResult | None = None) -> list[Target]:
    """(Re)read the targets of an indicator's text. Keeps corrections of targets whose words are unchanged."""
    if result is None:
        result = checking.check_texts(indicator.goal.name, indicator.text, "")
    old = {(t.text, t.span_start, t.span_end): t for t in indicator.targets.all()}
    keep: list[Target] = []
    for pos, tr in enumerate(result.targets):
        t = tr.target
        key = (t.text, t.span[0], t.span[1])
        fields = {
            "position": pos,
            "metric": t.metric[:300],
            "kind": t.kind,
            "comparator": t.comparator or "",
            "value": t.value,
            "unit": (t.unit or "")[:40],
            "stage": (t.stage or "")[:40],
        }
        existing = old.pop(key, None)
        if existing is not None:
            for k, v in fields.items():
                setattr(existing, k, v)
            existing.save()
            keep.append(existing)
        else:
            keep.append(
                Target.objects.create(
                    indicator=indicator, text=t.text[:500], span_start=t.span[0], span_end=t.span[1], **fields
                )
            )
    for gone in old.values():
        gone.delete()
    return keep


def _web_verdict(target: Target, correction: TargetCorrection | None, checker_verdict: str,
                 checker_actual: float | None, entered: float | None) -> tuple[str, str | None, str]:
    """Apply entered actuals and the report's correction of the target. Returns (verdict, reason or None to keep,
    source)."""
    eff = target.effective(correction)
    value = eff.value
    if value is None:
        return checker_verdict, None, "checker"
    unit = eff.unit
    if entered is not None:
        met = checking.compare(entered, eff.comparator, value)
        reason = _("直接填报的实际值 %(actual)g%(unit)s %(rel)s 目标 %(cmp)s %(target)g%(unit)s。") % {
            "actual": entered, "unit": unit, "rel": _("达到") if met else _("未达到"),
            "cmp": eff.comparator or ">=", "target": value,
        }
        return ("met" if met else "not_met"), reason, "entered"
    if eff.corrected and checker_actual is not None:
        met = checking.compare(checker_actual, eff.comparator, value)
        reason = _("按更正后的目标 %(cmp)s %(target)g%(unit)s，进度中的实际值 %(actual)g %(rel)s。") % {
            "cmp": eff.comparator or ">=", "target": value, "unit": unit,
            "actual": checker_actual, "rel": _("达到") if met else _("未达到"),
        }
        return ("met" if met else "not_met"), reason, "checker"
    return checker_verdict, None, "checker"


def submission_corrections(*, submission: Submission) -> dict[int, TargetCorrection]:
    """The report's corrections of targets, by target id (a target not in it is judged as the core read it)."""
    return {c.target_id: c for c in TargetCorrection.objects.filter(submission_id=submission.pk)}


def entry_recheck(*, entry: ProgressEntry) -> ProgressEntry:
    """Recompute and store the verdicts of one entry, by its report's corrections of the targets. Overrides by a
    reviewer are kept."""
    indicator = entry.indicator
    period = entry.submission.period
    shared = is_results_paragraph(entry.narrative) and ProgressEntry.objects.filter(
        submission_id=entry.submission_id, narrative=entry.narrative).exclude(pk=entry.pk).exists()
    code = checking.period_for_check(entry.submission.title, period.code)
    result = checking.check_texts(indicator.goal.name, indicator.text, entry.narrative,
                                  period=code, year=period.cycle.year, shared=shared,
                                  due_later=checking.due_later_by_title(entry.submission.title, period.cycle.year))
    targets = indicator_targets_extract(indicator=indicator, result=result)
    entered = {a.target_id: a.value for a in entry.actuals.all()}
    # this report's corrections only: another period's report on the same indicator is judged by its own
    corrections = {c.target_id: c for c in TargetCorrection.objects.filter(
        submission_id=entry.submission_id, target__indicator=indicator)}
    old = {v.target_id: v for v in entry.verdicts.all()}
    effective: list[str] = []
    for target, tr in zip(targets, result.targets, strict=True):
        fields = _claim_fields(tr.actual)
        verdict, reason, source = _web_verdict(target, corrections.get(target.pk), tr.verdict,
                                               fields["actual_value"], entered.get(target.pk))
        evidence = [
            {"text": c.text, "start": c.span[0], "end": c.span[1], "kind": c.kind} for c in tr.evidence
        ]
        if tr.actual is not None and not any(e["start"] == tr.actual.span[0] for e in evidence):
            evidence.insert(
                0, {"text": tr.actual.text, "start": tr.actual.span[0], "end": tr.actual.span[1],
                    "kind": tr.actual.kind},
            )
        values = {
            "verdict": verdict, "reason": reason if reason is not None else tr.reason,
            "evidence": evidence, "source": source, **fields,
        }
        v = old.pop(target.pk, None)
        if v is None:
            v = Verdict.objects.create(entry=entry, target=target, **values)
        else:
            for k, val in values.items():
                setattr(v, k, val)
            v.save()
        effective.append(v.effective)
    for stale in old.values():
        stale.delete()
    entry.verdict = checking.combine(effective)
    entry.checked_text = entry.narrative
    entry.checked_at = timezone.now()
    entry.save(update_fields=["verdict", "checked_text", "checked_at"])
    return entry


def indicator_update(*, indicator: Indicator, actor: Any, text: str | None = None, weight: Any = None) -> Indicator:
    """Change an indicator's text or weight: its targets are read again and every unpublished report on it
    is rechecked. Published disclosures keep the snapshot they were published with."""
    limits.check_length(text if text is not None else indicator.text, "indicator")
    before = {"text": indicator.text, "weight": str(indicator.weight)}
    with transaction.atomic():
        if text is not None:
            indicator.text = text
        if weight is not None:
            indicator.weight = weight
        indicator.save()
        indicator_targets_extract(indicator=indicator)
        entries = indicator.entries.exclude(submission__status=Status.PUBLISHED)
        for entry in entries.select_related("submission__period__cycle"):
            entry_recheck(entry=entry)
            submission_score_update(submission=entry.submission)
        after = {"text": indicator.text, "weight": str(indicator.weight)}
        if after != before:
            audit_record(actor=actor, action="indicator.update", obj=indicator, unit=indicator.goal.unit,
                         before=before, after=after)
    return indicator


def submission_score_update(*, submission: Submission) -> float | None:
    """The share of weighted targets met: Σ weight × (met / targets) over indicators with targets."""
    total = 0.0
    met = 0.0
    for entry in submission.entries.select_related("indicator").prefetch_related("verdicts"):
        verdicts = [v.effective for v in entry.verdicts.all()]
        if not verdicts:
            continue
        w = float(entry.indicator.weight)
        total += w
        met += w * sum(1 for v in verdicts if v == "met") / len(verdicts)
    submission.score = round(met / total, 4) if total else None
    submission.save(update_fields=["score", "updated_at"])
    return submission.score


def _entry_state(entry: ProgressEntry) -> dict[str, Any]:
    return {"narrative": entry.narrative, "actuals": {str(a.target_id): a.value for a in entry.actuals.all()},
            "version": entry.version}


def entry_update(
    *, entry: ProgressEntry, actor: Any, narrative: str, actuals: dict[int, float | None] | None = None,
    version: int | None = None,
) -> ProgressEntry:
    """A reporter saves the progress of one indicator; the checker runs on every save.

    ``version`` is the entry's version the edit was based on: when another save came in between, Conflict is
    raised (with the entry as it is now) and nothing is written. None skips the check (internal callers)."""
    limits.check_length(narrative, "narrative")  # before anything is locked, written or checked
    sub = entry.submission
    with transaction.atomic():
        # the report first, then the entry: the order the workflow transitions lock in
        _locked(sub, perm.can_edit_entries, actor, _("此报告当前不能修改"), Status.DRAFT)
        locked = ProgressEntry.objects.select_for_update().get(pk=entry.pk)
        if version is not None and locked.version != version:
            raise Conflict(_("此条进度已被他人修改（您编辑的是第 %(yours)s 版，现在是第 %(current)s 版），"
                             "您的修改未保存") % {"yours": version, "current": locked.version},
                           current=_entry_state(locked))
        entry.version = locked.version
        before = {"narrative": locked.narrative,
                  "actuals": {str(a.target_id): a.value for a in locked.actuals.all()}}
        entry.narrative = narrative
        entry.save(update_fields=["narrative"])
        valid_targets = set(entry.indicator.targets.values_list("id", flat=True))
        for target_id, value in (actuals or {}).items():
            if target_id not in valid_targets:
                raise ForeignTarget(_("目标 %(id)s 不属于此指标") % {"id": target_id})
            if value is None:
                ActualValue.objects.filter(entry=entry, target_id=target_id).delete()
            else:
                ActualValue.objects.update_or_create(entry=entry, target_id=target_id, defaults={"value": value})
        entry_recheck(entry=entry)
        submission_score_update(submission=sub)
        after = {"narrative": entry.narrative, "actuals": {str(a.target_id): a.value for a in entry.actuals.all()}}
        if after != before:
            audit_record(actor=actor, action="entry.update", obj=entry, unit=sub.unit, before=before,
                         after=after, private=True)
    return entry


@dataclass
class TargetCorrected:
    """What ``target_correct`` did: the correction of the report it was made in, every report it now applies to
    (that one first, then later periods' in period order) and the later periods' reports it did not change (being
    submitted, approved or published)."""

    correction: TargetCorrection
    applied: list[Submission]
    not_applied: list[Submission]


def _period_label(sub: Submission) -> str:
    return f"{sub.period.cycle.year}年{sub.period.code}"


def _correction_state(target: Target, correction: TargetCorrection | None) -> dict[str, Any]:
    eff = target.effective(correction)
    return {"comparator": eff.comparator, "value": eff.value, "unit": eff.unit, "corrected": eff.corrected,
            "note": eff.note}


def _correction_refusal_status(actor: Any, submission: Submission) -> str:
    """The status in which ``actor`` could correct the report's targets: a reviewer of the unit's office (not also of
    the unit) corrects submitted reports, anyone else drafts."""
    if (perm.reviews_unit(actor, submission.unit) and not perm.is_superuser(actor)
            and submission.unit_id not in perm.unit_ids(actor)):
        return Status.SUBMITTED
    return Status.DRAFT


def target_correct(
    *, target: Target, actor: Any, submission: Submission, comparator: str, value: float | None, unit: str,
    note: str, later_periods: bool = False,
) -> TargetCorrected:
    """Correct what the core read from an indicator, in one report: ``submission``, which the actor must be allowed
    to correct (``perm.can_correct_targets``: a draft, returned or reopened report of their unit, or a submitted one
    they review; never an approved or published one). Only that report's entry on the indicator is rechecked.

    With ``later_periods`` (only for those who draft the unit's reports: ``perm.can_correct_later_periods``), the
    unit's reports of the cycle's later periods that are still being drafted (draft, returned, reopened) are
    corrected and rechecked too, and later periods' reports started afterwards take the correction
    (``submission_start``); a later report that is submitted, approved or published is not changed (``not_applied``).
    Reports of other periods are never touched otherwise, and a published version's snapshot never changes. One
    audit record (``target.correct``) names the report and every period the correction applied to, private to the
    unit when made while drafting."""
    if target.indicator.goal.unit_id != submission.unit_id:
        raise PermissionDenied(_("不能更正此目标"))
    ready = _correction_refusal_status(actor, submission)
    if not perm.can_correct_targets(actor, submission):
        _refuse(submission, perm.can_correct_targets, actor, _("不能更正此目标"), ready)
    if comparator and comparator not in checking._COMPARE:
        raise ValidationError(_("比较符无效"))
    if not note.strip():
        raise ValidationError(_("请说明更正理由"))
    limits.check_length(note.strip(), "note")
    limits.check_length(unit, "unit")
    note = note.strip()
    with transaction.atomic():
        locked = _locked(submission, perm.can_correct_targets, actor, _("不能更正此目标"), ready)
        if later_periods and not perm.can_correct_later_periods(actor, locked):
            raise ValidationError(_("只有本单位可以将更正同时用于以后各期的报告"))
        entries = ProgressEntry.objects.filter(indicator_id=target.indicator_id)
        if not entries.filter(submission=locked).exists():
            raise ForeignTarget(_("此目标不属于此报告的考核指标"))
        applied, not_applied = [locked], []
        if later_periods:
            # locked in period order, as every correction locks them: no two corrections wait on each other
            later = (Submission.objects.select_for_update(of=("self",)).select_related("unit", "period__cycle")
                     .filter(unit_id=locked.unit_id, period__cycle_id=locked.period.cycle_id,
                             period__order__gt=locked.period.order,
                             pk__in=entries.values("submission_id"))
                     .order_by("period__order", "pk"))
            for sub in later:
                (applied if sub.status in DRAFTING else not_applied).append(sub)
        now = timezone.now()
        before = _correction_state(target, TargetCorrection.objects.filter(target=target, submission=locked).first())
        own: TargetCorrection | None = None
        for sub in applied:
            correction, _created = TargetCorrection.objects.update_or_create(
                target=target, submission=sub,
                defaults={"comparator": comparator, "value": value, "unit": unit, "note": note,
                          "later_periods": later_periods, "origin": locked, "by": actor if getattr(
                              actor, "is_authenticated", False) else None, "at": now})
            own = own or correction
            for entry in entries.filter(submission=sub).select_related("submission__period__cycle",
                                                                          "indicator__goal"):
                entry_recheck(entry=entry)
            submission_score_update(submission=sub)
        assert own is not None
        audit_record(
            actor=actor, action="target.correct", obj=own, unit=locked.unit, before=before,
            after={"target": target.pk, "text": target.text, "submission": locked.pk,
                   "period": _period_label(locked), "comparator": comparator, "value": value, "unit": unit,
                   "note": note, "later_periods": later_periods,
                   "applied_to": [{"submission": s.pk, "period": _period_label(s), "status": s.status}
                                  for s in applied],
                   "not_applied": [{"submission": s.pk, "period": _period_label(s), "status": s.status}
                                   for s in not_applied]},
            # the unit's own drafting is private to the unit; a reviewer's correction of a submitted report is not
            private=locked.status in DRAFTING,
        )
    _sync(submission, locked)
    return TargetCorrected(correction=own, applied=applied, not_applied=not_applied)


def _corrections_inherit(*, sub: Submission, entries: list[ProgressEntry], actor: Any) -> None:
    """A report of a period still being drafted takes, for its new entries, the corrections made "also for later
    periods" in the unit's reports of the cycle's earlier periods (the latest period's, when several)."""
    if sub.status not in DRAFTING or not entries:
        return
    earlier = (TargetCorrection.objects.filter(
        later_periods=True, submission__unit_id=sub.unit_id, submission__period__cycle_id=sub.period.cycle_id,
        submission__period__order__lt=sub.period.order, target__indicator_id__in=[e.indicator_id for e in entries])
        .select_related("target", "submission__period__cycle")
        .order_by("target_id", "-submission__period__order"))
    seen: set[int] = set()
    for c in earlier:
        if c.target_id in seen:
            continue
        seen.add(c.target_id)
        copy_ = TargetCorrection.objects.create(
            target=c.target, submission=sub, comparator=c.comparator, value=c.value, unit=c.unit, note=c.note,
            later_periods=True, origin_id=c.origin_id or c.submission_id, by_id=c.by_id, at=c.at)
        audit_record(actor=actor, action="target.correct_inherit", obj=copy_, unit=sub.unit, private=True,
                     after={"target": c.target_id, "text": c.target.text, "submission": sub.pk,
                            "period": _period_label(sub), "from_submission": c.submission_id,
                            "from_period": _period_label(c.submission), "comparator": c.comparator,
                            "value": c.value, "unit": c.unit, "note": c.note})


def verdict_override(*, verdict: Verdict, actor: Any, new_verdict: str, reason: str) -> Verdict:
    """A reviewer overrides the checker's verdict with a reason; both stay visible. Empty clears it."""
    sub = verdict.entry.submission
    if not perm.can_override(actor, sub):
        raise PermissionDenied(_("不能复核此结论"))
    if new_verdict and new_verdict not in VERDICTS:
        raise ValidationError(_("结论无效"))
    if new_verdict and not reason.strip():
        raise ValidationError(_("请填写复核理由"))
    limits.check_length(reason.strip(), "reason")
    before = {"override": verdict.override_verdict, "reason": verdict.override_reason}
    with transaction.atomic():
        verdict.override_verdict = new_verdict
        verdict.override_reason = reason.strip() if new_verdict else ""
        verdict.override_by = actor if new_verdict else None
        verdict.override_at = timezone.now() if new_verdict else None
        verdict.save()
        entry = verdict.entry
        entry.verdict = checking.combine([v.effective for v in entry.verdicts.all()])
        entry.save(update_fields=["verdict"])
        submission_score_update(submission=sub)
        audit_record(actor=actor, action="verdict.override", obj=verdict, unit=sub.unit, before=before,
                     after={"override": verdict.override_verdict, "reason": verdict.override_reason})
    return verdict


# --- workflow ---------------------------------------------------------------------------------------


def submission_start(*, unit: Organization, period: Period, actor: Any) -> Submission:
    """Open (or return) a unit's report for a period, with an entry for each of its indicators. A new entry takes
    the corrections made for later periods in the unit's earlier reports of the cycle (``_corrections_inherit``)."""
    if not (perm.is_superuser(actor) or unit.pk in perm.unit_ids(actor)):
        raise PermissionDenied(_("只能为本单位填报"))
    with transaction.atomic():
        sub, created = Submission.objects.get_or_create(unit=unit, period=period)
        if created:
            audit_record(actor=actor, action="submission.create", obj=sub, unit=unit, after={"status": sub.status})
        new_entries = []
        for indicator in Indicator.objects.filter(goal__unit=unit, goal__cycle=period.cycle):
            entry, new = ProgressEntry.objects.get_or_create(submission=sub, indicator=indicator)
            if new:
                new_entries.append(entry)
        _corrections_inherit(sub=sub, entries=new_entries, actor=actor)
        for entry in new_entries:
            entry_recheck(entry=entry)
    return sub


def _refuse(sub: Submission, allowed: Any, actor: Any, message: str, ready: str) -> None:
    """Refuse a transition ``allowed(actor, sub)`` does not allow: Conflict when the actor could make it were
    the report still in the ``ready`` status (someone else moved it on), else PermissionDenied(message)."""
    probe = copy.copy(sub)
    probe.status = ready
    if allowed(actor, probe):
        raise Conflict(_("此报告的状态已被他人更改（现为%(status)s），操作未执行") % {
            "status": sub.get_status_display()}, current={"status": sub.status})
    raise PermissionDenied(message)


def _locked(submission: Submission, allowed: Any, actor: Any, message: str, ready: str) -> Submission:
    """The submission re-read with its row locked (inside the caller's transaction; on SQLite the IMMEDIATE
    transaction holds the write lock already), and ``allowed(actor, sub)`` checked on the caller's copy and then
    again on the fresh row: when another transition came first, Conflict, and nothing is written. So of many
    identical concurrent transitions exactly one succeeds."""
    if not allowed(actor, submission):
        _refuse(submission, allowed, actor, message, ready)
    locked = (Submission.objects.select_for_update(of=("self",)).select_related("unit", "period__cycle")
              .get(pk=submission.pk))
    if not allowed(actor, locked):
        _refuse(locked, allowed, actor, message, ready)
    return locked


def _sync(submission: Submission, locked: Submission) -> Submission:
    """Give the caller's instance the state written through the locked one."""
    for f in Submission._meta.concrete_fields:
        setattr(submission, f.attname, getattr(locked, f.attname))
    return submission


def _transition(sub: Submission, actor: Any, action: str, status: str, **changes: Any) -> Submission:
    before = {"status": sub.status}
    sub.status = status
    for k, v in changes.items():
        setattr(sub, k, v)
    sub.save()
    after = {"status": status, **{k: v for k, v in changes.items() if k == "review_comment"}}
    audit_record(actor=actor, action=action, obj=sub, unit=sub.unit, before=before, after=after)
    return sub


def submission_submit(*, submission: Submission, actor: Any) -> Submission:
    with transaction.atomic():
        locked = _locked(submission, perm.can_submit, actor, _("只有本单位审核人可以提交草稿或退回的报告"),
                         Status.DRAFT)
        stale = [e for e in locked.entries.all() if e.checked_text != e.narrative]
        for e in stale:
            entry_recheck(entry=e)
        _transition(locked, actor, "submission.submit", Status.SUBMITTED,
                    submitted_at=timezone.now(), submitted_by=actor)
    return _sync(submission, locked)


def submission_return(*, submission: Submission, actor: Any, comment: str) -> Submission:
    if not perm.can_review(actor, submission):
        _refuse(submission, perm.can_review, actor, _("不能退回此报告"), Status.SUBMITTED)
    if not comment.strip():
        raise ValidationError(_("退回时请填写意见"))
    limits.check_length(comment.strip(), "comment")
    with transaction.atomic():
        locked = _locked(submission, perm.can_review, actor, _("不能退回此报告"), Status.SUBMITTED)
        _transition(locked, actor, "submission.return", Status.RETURNED,
                    review_comment=comment.strip(), reviewed_at=timezone.now(), reviewed_by=actor)
    return _sync(submission, locked)


def submission_approve(*, submission: Submission, actor: Any, comment: str = "") -> Submission:
    limits.check_length(comment.strip(), "comment")
    with transaction.atomic():
        locked = _locked(submission, perm.can_review, actor, _("不能审核此报告"), Status.SUBMITTED)
        _transition(locked, actor, "submission.approve", Status.APPROVED,
                    review_comment=comment.strip(), reviewed_at=timezone.now(), reviewed_by=actor)
    return _sync(submission, locked)


def submission_reopen(*, submission: Submission, actor: Any, reason: str) -> Submission:
    """Open a published report for correction; the public keeps seeing the published version meanwhile."""
    if not perm.can_reopen(actor, submission):
        _refuse(submission, perm.can_reopen, actor, _("不能重新打开此报告"), Status.PUBLISHED)
    if not reason.strip():
        raise ValidationError(_("请说明更正原因"))
    limits.check_length(reason.strip(), "comment", _("更正原因"))
    with transaction.atomic():
        locked = _locked(submission, perm.can_reopen, actor, _("不能重新打开此报告"), Status.PUBLISHED)
        _transition(locked, actor, "submission.reopen", Status.RETURNED,
                    review_comment=reason.strip(), reviewed_at=timezone.now(), reviewed_by=actor)
    return _sync(submission, locked)


def disclosure_snapshot(*, submission: Submission) -> dict[str, Any]:
    """The published content of a submission as plain data, frozen into a Disclosure version."""
    rows = []
    entries = submission.entries.select_related("indicator__goal").prefetch_related("verdicts__target")
    corrections = submission_corrections(submission=submission)
    for entry in entries:
        targets = []
        for v in entry.verdicts.all():
            t = v.target
            eff = t.effective(corrections.get(t.pk))
            targets.append({
                "text": t.text, "start": t.span_start, "end": t.span_end, "metric": t.metric, "kind": t.kind,
                "comparator": eff.comparator or None, "value": eff.value,
                "unit": eff.unit or None, "corrected": eff.corrected, "correction_note": eff.note,
                "verdict": v.effective, "checker_verdict": v.verdict, "reason": v.reason,
                "override_reason": v.override_reason,
                "actual": ({"text": v.actual_text, "start": v.actual_start, "end": v.actual_end,
                            "value": v.actual_value} if v.actual_text else None),
                "evidence": v.evidence, "source": v.source,
            })
        rows.append({
            "goal": entry.indicator.goal.name, "indicator": entry.indicator.text, "progress": entry.narrative,
            "weight": float(entry.indicator.weight), "verdict": entry.verdict, "targets": targets,
        })
    period = submission.period
    return {
        "title": submission.title or f"{submission.unit.name}{period.cycle.year}年绩效考核目标完成进度公示"
                                      f"({period.cycle.year}年{period.code})",
        "organization": submission.unit.name, "year": period.cycle.year, "period": period.code,
        "score": submission.score, "rows": rows,
    }


def _changed_excerpts(a: str, b: str, context: int = 24) -> tuple[str, str]:
    """The part of two texts that differs, with a little context either side ("…" where cut)."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    lo = max(0, start - context)

    def cut(t: str) -> str:
        hi = min(len(t), len(t) - end + context)
        return ("…" if lo > 0 else "") + t[lo:hi] + ("…" if hi < len(t) else "")

    return cut(a), cut(b)


def _row_key(row: dict[str, Any]) -> tuple[str, str]:
    return row.get("goal", ""), row.get("indicator", "")


def disclosure_diff(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """What changed between two snapshots: the fields a reader cares about.

    Rows are matched by goal and indicator, not by position: a row of the new snapshot whose goal and indicator the
    old one has (the n-th such row matched with the n-th) is compared field by field (``progress``, ``verdict``);
    one the old snapshot lacks is ``added`` and one the new snapshot lacks ``removed`` (``field`` "row", with the
    indicator as ``after`` or ``before``). So reordering rows changes nothing, and a renamed goal or a reworded
    indicator is a row removed and a row added. ``row`` is the row's position (1-based) in the new snapshot, for a
    removed row in the old one."""
    changes: list[dict[str, Any]] = []
    old_rows, new_rows = old.get("rows", []), new.get("rows", [])
    unmatched: dict[tuple[str, str], list[int]] = {}
    for i, a in enumerate(old_rows):
        unmatched.setdefault(_row_key(a), []).append(i)
    for j, b in enumerate(new_rows):
        left = unmatched.get(_row_key(b))
        if not left:
            changes.append({"row": j + 1, "goal": b.get("goal", ""), "field": "row", "change": "added",
                            "before": None, "after": b.get("indicator")})
            continue
        a = old_rows[left.pop(0)]
        for fld in ("progress", "verdict"):
            if a.get(fld) != b.get(fld):
                change = {"row": j + 1, "goal": b.get("goal", ""), "field": fld, "change": "changed",
                          "before": a.get(fld), "after": b.get(fld)}
                if fld != "verdict":
                    change["before_excerpt"], change["after_excerpt"] = _changed_excerpts(
                        a.get(fld) or "", b.get(fld) or "")
                changes.append(change)
    for i in sorted(i for left in unmatched.values() for i in left):
        a = old_rows[i]
        changes.append({"row": i + 1, "goal": a.get("goal", ""), "field": "row", "change": "removed",
                        "before": a.get("indicator"), "after": None})
    if old.get("title") != new.get("title"):
        changes.append({"row": 0, "goal": "", "field": "title", "change": "changed", "before": old.get("title"),
                        "after": new.get("title")})
    return changes


def disclosure_publish(
    *, submission: Submission, actor: Any, note: str = "", published_on: date | None = None,
    check_permission: bool = True, date_as_given: bool = False,
) -> Disclosure:
    """Publish a new version of the unit's disclosure for the period. Earlier versions stay as they were.

    ``published_on`` is the date the disclosure states, today when not given; with ``date_as_given`` (an
    imported document) a missing date stays missing rather than becoming the day of import."""
    limits.check_length(note.strip(), "comment", _("更正说明"))
    with transaction.atomic():
        locked = _locked(submission, perm.can_publish if check_permission else
                         (lambda _actor, sub: sub.status == Status.APPROVED), actor,
                         _("只有考核办可以公示已审核的报告"), Status.APPROVED)
        snapshot = disclosure_snapshot(submission=locked)
        previous = (Disclosure.objects.select_for_update()
                    .filter(unit=submission.unit, period=submission.period).order_by("-version").first())
        changes = disclosure_diff(previous.snapshot, snapshot) if previous else []
        if previous and not changes:
            raise ValidationError(_("内容与已公示版本相同，无需重新公示"))
        if previous and not note.strip():
            note = _("更正")
        disclosure = Disclosure.objects.create(
            submission=submission, unit=submission.unit, period=submission.period,
            version=previous.version + 1 if previous else 1, title=snapshot["title"],
            published_at=timezone.now(),
            published_on=published_on if date_as_given else (published_on or timezone.localdate()),
            published_by=actor if getattr(actor, "is_authenticated", False) else None,
            snapshot=snapshot, score=locked.score, change_note=note.strip(), changes=changes,
        )
        _transition(locked, actor, "submission.publish", Status.PUBLISHED)
        audit_record(actor=actor, action="disclosure.publish", obj=disclosure, unit=submission.unit,
                     before={"version": previous.version} if previous else None,
                     after={"version": disclosure.version, "changes": len(changes), "note": note.strip()})
    _sync(submission, locked)
    return disclosure


# --- reminders --------------------------------------------------------------------------------------


def units_late(*, office: Organization, period: Period) -> list[dict[str, Any]]:
    """Units of an office that have indicators in the cycle but have not submitted for the period."""
    rows = []
    units = Organization.objects.filter(parent=office, goals__cycle=period.cycle).distinct().order_by("name")
    subs = {s.unit_id: s for s in Submission.objects.filter(period=period)}
    today = timezone.localdate()
    for unit in units:
        sub = subs.get(unit.pk)
        if sub is None or sub.status in (Status.DRAFT, Status.RETURNED):
            rows.append({
                "unit": unit, "status": sub.get_status_display() if sub else _("未开始"),
                "overdue": bool(period.due_date and today > period.due_date),
                "last_reminder": unit.reminders.filter(period=period).order_by("-sent_at").first(),
            })
    return rows


def reminder_send(*, unit: Organization, period: Period, actor: Any) -> Reminder:
    if not perm.reviews_unit(actor, unit):
        raise PermissionDenied(_("只能提醒本考核办下属单位"))
    recipients = sorted({
        m.user.email for m in Membership.objects.filter(organization=unit).select_related("user") if m.user.email
    } | ({unit.email} if unit.email else set()))
    if not recipients:
        raise ValidationError(_("%(unit)s 没有联系邮箱") % {"unit": unit.name})
    subject = _("请尽快填报%(period)s绩效考核目标完成进度") % {"period": str(period)}
    body = _("%(unit)s：\n\n%(period)s的绩效考核目标完成进度尚未提交，请尽快填报并提交。\n\n%(office)s") % {
        "unit": unit.name, "period": str(period), "office": unit.parent.name if unit.parent else "",
    }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    reminder = Reminder.objects.create(unit=unit, period=period, sent_by=actor, recipients=recipients)
    audit_record(actor=actor, action="reminder.send", obj=reminder, unit=unit, after={"recipients": recipients})
    return reminder


# --- import -----------------------------------------------------------------------------------------


# The unit a document is filed under when its title names none (read, with the gap reported; never rejected).
# Every office has its own (names are unique across offices): the default office's is called UNNAMED_UNIT,
# another office's carries the office's name (unnamed_unit_name).
UNNAMED_UNIT = "未注明单位"


def unnamed_unit_name(office_name: str) -> str:
    """The name of the unit an office files documents that name no unit under."""
    if office_name == settings.JIXIAO_DEFAULT_OFFICE:
        return UNNAMED_UNIT
    return f"{UNNAMED_UNIT}（{office_name}）"[:200]


@dataclass
class ImportPreview:
    filename: str
    sha256: str
    document: CoreDisclosure | None = None
    errors: list[str] = field(default_factory=list)  # the document cannot be imported
    row_errors: list[dict[str, Any]] = field(default_factory=list)  # {"row", "line", "field", "message"}
    warnings: list[str] = field(default_factory=list)  # gaps read past: the document is imported all the same
    already_imported: bool = False
    # Where it goes: the office (None while the default office does not exist yet: made on import), its name, and
    # the office's existing unit the document names (None: a new unit of that office).
    office: Organization | None = None
    office_name: str = ""
    unit: Organization | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.errors

    @property
    def new_unit(self) -> bool:
        return self.ok and self.unit is None


def _import_office_check(*, actor: Any, office: Organization) -> None:
    """An office named for an import must be an office, and one the actor reviews (the operator: any)."""
    if office.kind != Organization.Kind.OFFICE:
        raise ValidationError(_("“%(name)s”不是考核办公室") % {"name": office.name})
    if actor is not None and not perm.is_superuser(actor) and office.pk not in perm.office_ids(actor):
        raise PermissionDenied(_("只能导入到您审核的考核办"))


def _import_office_implied(*, actor: Any, unit_name: str | None) -> tuple[Organization | None, str, str | None]:
    """Where an import given no office goes: (the office, or None while it is not made yet; its name; an error).

    The operator (actor None: the command line) files under the default office. A reviewer files under the
    office they review; one who reviews several, under the one of them whose unit the document names (else
    they must choose). A superuser files an existing unit under its office, anything else under the default office.
    """
    if actor is not None and not perm.is_superuser(actor):
        ids = perm.office_ids(actor)
        if not ids:
            raise PermissionDenied(_("只有考核办可以导入公示"))
        if len(ids) == 1:
            only = Organization.objects.get(pk=next(iter(ids)))
            return only, only.name, None
        match = (Organization.objects.filter(name=unit_name, kind=Organization.Kind.UNIT, parent_id__in=ids)
                 .select_related("parent").first() if unit_name else None)
        if match is not None and match.parent is not None:
            return match.parent, match.parent.name, None
        if unit_name and Organization.objects.filter(name=unit_name).exists():
            # another office's unit, or an office: refused below, naming the offices it is not a unit of
            names = Organization.objects.filter(pk__in=ids).order_by("name").values_list("name", flat=True)
            return None, "、".join(names), None
        return None, "", _("请选择导入到哪个考核办")
    if actor is not None and unit_name:
        match = (Organization.objects.filter(name=unit_name, kind=Organization.Kind.UNIT, parent__isnull=False)
                 .select_related("parent").first())
        if match is not None and match.parent is not None and match.parent.kind == Organization.Kind.OFFICE:
            return match.parent, match.parent.name, None
    name = settings.JIXIAO_DEFAULT_OFFICE
    default = Organization.objects.filter(name=name).first()
    if default is not None and default.kind != Organization.Kind.OFFICE:
        return None, name, _("默认考核办“%(name)s”的名称已被一个单位使用") % {"name": name}
    return default, name, None


def _import_place(preview: ImportPreview, *, actor: Any, office: Organization | None) -> None:
    """Say where the document goes (preview.office, .office_name, .unit), or why it cannot go anywhere: the unit
    is resolved within the one office only; a name of another office's unit, or of an office, is refused."""
    doc = preview.document
    assert doc is not None
    file = preview.filename
    if office is not None:
        preview.office, preview.office_name = office, office.name
    else:
        preview.office, preview.office_name, error = _import_office_implied(actor=actor, unit_name=doc.organization)
        if error is not None:
            preview.errors.append(_("%(file)s：%(error)s（单位：%(unit)s）") % {
                "file": file, "error": error, "unit": doc.organization or UNNAMED_UNIT})
            return
    if not doc.organization:
        doc.organization = unnamed_unit_name(preview.office_name)
        preview.warnings.append(
            _("%(file)s：标题未注明发布单位（标题：%(title)s），归入“%(unit)s”，请核对")
            % {"file": file, "title": doc.title, "unit": doc.organization})
    existing = Organization.objects.filter(name=doc.organization).first()
    if existing is None:
        return  # a new unit of the office
    if existing.kind != Organization.Kind.UNIT:
        preview.errors.append(_("%(file)s：单位“%(unit)s”是考核办公室的名称，不是被考核单位，不能导入") % {
            "file": file, "unit": doc.organization})
    elif preview.office is None or existing.parent_id != preview.office.pk:
        preview.errors.append(_("%(file)s：单位“%(unit)s”不是%(office)s的下属单位（属于其他考核办），不能导入") % {
            "file": file, "unit": doc.organization, "office": preview.office_name})
    else:
        preview.unit = existing


def disclosure_import_preview(*, data: bytes, filename: str, actor: Any = None,
                              office: Organization | None = None) -> ImportPreview:
    """Read a document and say what would be imported and where, without changing anything.

    ``actor`` is who imports (None: the operator, on the command line) and ``office`` the office to import into
    (see ``_import_office_implied`` when None). The unit the document names must be that office's own or new;
    the preview refuses, as the import does, a unit of another office and an office's name."""
    if office is not None:
        _import_office_check(actor=actor, office=office)
    sha = hashlib.sha256(data).hexdigest()
    preview = ImportPreview(filename=filename, sha256=sha)
    preview.already_imported = ImportRecord.objects.filter(
        sha256=sha, status__in=[ImportRecord.Status.APPLIED, ImportRecord.Status.UNCHANGED]
    ).exists()
    if len(data) > settings.JIXIAO_MAX_UPLOAD_BYTES:
        preview.errors.append(_("%(file)s：文件过大") % {"file": filename})
        return preview
    try:
        doc = read_document(data, source=filename)
    except ReaderError as exc:
        preview.errors.append(str(exc))
        return preview
    preview.document = doc
    for warning in doc.warnings:
        if warning.field in ("organization", "year"):
            continue  # said below, with what the import does instead
        preview.warnings.append(_("%(file)s：%(warning)s") % {"file": filename, "warning": str(warning)})
    _import_place(preview, actor=actor, office=office)
    if not doc.year:
        doc.year = doc.published.year if doc.published else timezone.localdate().year
        message = (_("%(file)s：标题未注明年度（标题：%(title)s），按发布时间归入 %(year)s 年，请核对")
                   if doc.published else
                   _("%(file)s：标题未注明年度（标题：%(title)s），也无发布时间，暂归入导入当年 %(year)s 年，请核对"))
        preview.warnings.append(message % {"file": filename, "title": doc.title, "year": doc.year})
    if doc.period and doc.period not in PERIOD_ORDER:
        stated = doc.period
        doc.period = standard_period(stated)  # a cut-off under the last period it covers in full
        preview.warnings.append(_("%(file)s：报告期“%(stated)s”归入“%(period)s”") % {
            "file": filename, "stated": stated, "period": doc.period})
    if len(doc.title or "") > limits.max_chars("title"):
        preview.errors.append(_("%(file)s：%(error)s") % {
            "file": filename, "error": limits.too_long_message("title", len(doc.title))})
    for i, row in enumerate(doc.rows, start=1):
        for fld, label, kind in (("goal", "目标名称", "goal"), ("indicator", "考核指标", "indicator"),
                                 ("progress", "完成进度", "narrative")):
            value = getattr(row, fld)
            if not value.strip():
                preview.row_errors.append({
                    "row": i, "line": row.line, "field": label,
                    "message": _("%(file)s，第 %(row)s 行（第 %(line)s 行文本），%(field)s 为空") % {
                        "file": filename, "row": i, "line": row.line, "field": label},
                })
            elif len(value) > limits.max_chars(kind):  # refused as a whole, like a file too large
                preview.errors.append(_("%(file)s，第 %(row)s 行（第 %(line)s 行文本），%(error)s") % {
                    "file": filename, "row": i, "line": row.line,
                    "error": limits.too_long_message(kind, len(value))})
    _import_busy_check(preview)
    return preview


def disclosure_import(*, data: bytes, filename: str, actor: Any, office: Organization | None = None
                      ) -> tuple[ImportRecord | None, ImportPreview]:
    """Import a disclosure document: idempotent by content; a changed document publishes a corrected version.

    ``actor`` None is the operator (command line, bulk import), who may name any ``office`` (default: the
    settings' JIXIAO_DEFAULT_OFFICE, made when missing); a reviewer imports into an office they review only. The
    unit the document names is looked up within that office: another office's unit or an office's name is refused
    (``preview.errors`` names the file and the unit; nothing is written); a new unit is made under that office.
    Rows with an empty indicator are skipped (and reported); the verbatim bytes are kept.
    """
    if actor is not None and not perm.can_import(actor):
        raise PermissionDenied(_("只有考核办可以导入公示"))
    preview = disclosure_import_preview(data=data, filename=filename, actor=actor, office=office)
    if preview.already_imported:
        return None, preview
    if not preview.ok:
        return None, preview
    try:
        return _disclosure_import_apply(preview=preview, data=data, actor=actor), preview
    except ValidationError as exc:  # the unit was taken meanwhile (another office made it): nothing is written
        preview.errors.extend(_("%(file)s：%(error)s") % {"file": filename, "error": m} for m in exc.messages)
        return None, preview


def _import_work_in_progress(sub: Submission) -> bool:
    """Whether importing over ``sub`` would overwrite work on it: anything but a published report, a report whose
    content is still its last published version's (reopened, nothing edited yet) or, never published, a draft no
    one has written anything into yet (as made by ``submission_start``)."""
    if sub.status == Status.PUBLISHED:
        return False
    latest = Disclosure.objects.filter(unit=sub.unit_id, period=sub.period_id).order_by("-version").first()
    if latest is not None:
        return bool(disclosure_diff(latest.snapshot, disclosure_snapshot(submission=sub)))
    return (sub.status != Status.DRAFT or sub.entries.exclude(narrative="").exists()
            or sub.entries.filter(version__gt=1).exists())


def _import_busy_message(sub: Submission) -> str:
    msg = _("单位“%(unit)s”%(year)s年%(period)s的报告正在处理中（%(status)s），有未公示的内容，不能导入覆盖")
    return msg % {
        "unit": sub.unit.name, "year": sub.period.cycle.year, "period": sub.period.code,
        "status": sub.get_status_display()}


def _import_busy_check(preview: ImportPreview) -> None:
    """The preview's refusal of a document whose unit's report for the period is being worked on."""
    doc = preview.document
    if not preview.ok or preview.unit is None or preview.office is None or doc is None or not doc.year:
        return
    sub = (Submission.objects.filter(unit=preview.unit, period__cycle__office=preview.office,
                                     period__cycle__year=doc.year, period__code=doc.period or "全年")
           .select_related("unit", "period__cycle").first())
    if sub is not None and _import_work_in_progress(sub):
        preview.errors.append(_("%(file)s：%(error)s") % {"file": preview.filename, "error": _import_busy_message(sub)})


class _ImportUnchanged(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _disclosure_import_apply(*, preview: ImportPreview, data: bytes, actor: Any) -> ImportRecord:
    """Apply a previewed import. The unit's report for the period must be new, published, or nothing but its
    published version (else ValidationError, nothing written). Its rows become exactly the file's rows, in the
    file's order: entries the file no longer has are removed (with their indicators and goals where no other
    report uses them). When that differs from the published version a corrected version is published; when not,
    everything is rolled back and only an "unchanged" import record is kept."""
    doc = preview.document
    filename = preview.filename
    assert doc is not None and doc.organization and doc.year
    created_by = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        office = preview.office or organization_get_or_create(
            name=preview.office_name, kind=Organization.Kind.OFFICE, actor=actor)
        # within the office only: organization_get_or_create refuses another office's unit or an office
        unit = organization_get_or_create(name=doc.organization, kind=Organization.Kind.UNIT, parent=office,
                                          actor=actor)
        period = period_get_or_create(office=office, year=doc.year, code=doc.period or "全年")
        sub = (Submission.objects.select_for_update(of=("self",)).select_related("unit", "period__cycle")
               .filter(unit=unit, period=period).first())
        if sub is not None and _import_work_in_progress(sub):
            raise ValidationError(_import_busy_message(sub))
        if sub is None:
            sub = Submission.objects.create(unit=unit, period=period)
        try:
            with transaction.atomic():
                record = _import_rows(preview=preview, data=data, actor=actor, sub=sub, office=office)
        except _ImportUnchanged as same:
            record = ImportRecord.objects.create(
                sha256=preview.sha256, filename=filename[:300], original=data, created_by=created_by,
                submission=sub, status=ImportRecord.Status.UNCHANGED,
                message=_("内容与已公示的第 %(v)s 版相同") % {"v": same.version})
    return record


def _import_rows(*, preview: ImportPreview, data: bytes, actor: Any, sub: Submission, office: Organization
                 ) -> ImportRecord:
    doc = preview.document
    assert doc is not None
    filename = preview.filename
    unit, period = sub.unit, sub.period
    sub.title = doc.title
    sub.save()
    bad_rows = {e["row"] for e in preview.row_errors if e["field"] == "考核指标"}
    goal_order: dict[str, int] = {}
    kept: set[int] = set()
    for i, row in enumerate(doc.rows, start=1):
        if i in bad_rows:
            continue
        goal_order.setdefault(row.goal, len(goal_order))
        goal, _g = Goal.objects.get_or_create(unit=unit, cycle=period.cycle, name=row.goal[:500],
                                              defaults={"order": goal_order[row.goal]})
        if goal.order != goal_order[row.goal]:  # the file's order
            goal.order = goal_order[row.goal]
            goal.save(update_fields=["order"])
        indicator, new_ind = Indicator.objects.get_or_create(goal=goal, text=row.indicator, defaults={"order": i})
        if indicator.order != i:
            indicator.order = i
            indicator.save(update_fields=["order"])
        entry, _e = ProgressEntry.objects.get_or_create(submission=sub, indicator=indicator)
        kept.add(entry.pk)
        if new_ind or entry.narrative != row.progress or entry.checked_at is None:
            if entry.narrative != row.progress:
                entry.narrative = row.progress
                entry.version += 1
                entry.save(update_fields=["narrative", "version"])
            entry_recheck(entry=entry)
    # the rows the file no longer has: gone from this report, and their indicators and goals unless another
    # report uses them (earlier published versions keep them: snapshots are frozen)
    stale = sub.entries.exclude(pk__in=kept)
    stale_indicators = set(stale.values_list("indicator_id", flat=True))
    removed = stale.count()
    stale.delete()
    stale_goals = set(Indicator.objects.filter(pk__in=stale_indicators).values_list("goal_id", flat=True))
    Indicator.objects.filter(pk__in=stale_indicators, entries__isnull=True).delete()
    Goal.objects.filter(pk__in=stale_goals, indicators__isnull=True).delete()
    # a results paragraph shared by several rows is read as such once every row of it is in
    shared = shared_paragraphs([r for i, r in enumerate(doc.rows, start=1) if i not in bad_rows])
    if shared:
        for entry in sub.entries.filter(narrative__in=shared).select_related("indicator__goal"):
            entry_recheck(entry=entry)
    submission_score_update(submission=sub)
    latest = Disclosure.objects.filter(unit=unit, period=period).order_by("-version").first()
    snapshot = disclosure_snapshot(submission=sub)
    if latest is not None and not disclosure_diff(latest.snapshot, snapshot):
        raise _ImportUnchanged(latest.version)  # rolls back everything above
    record = ImportRecord.objects.create(
        sha256=preview.sha256, filename=filename[:300], original=data,
        created_by=actor if getattr(actor, "is_authenticated", False) else None, submission=sub,
    )
    before_status = sub.status
    sub.status = Status.APPROVED
    sub.save()
    disclosure = disclosure_publish(
        submission=sub, actor=actor, published_on=doc.published, check_permission=False, date_as_given=True,
        note=(_("依据导入文件 %(file)s 更正") % {"file": filename}) if latest else "",
    )
    record.status = ImportRecord.Status.APPLIED
    record.message = _("已公示第 %(v)s 版") % {"v": disclosure.version}
    record.save()
    audit_record(actor=actor, action="import.apply", obj=record, unit=unit,
                 before={"status": before_status, "version": latest.version if latest else None},
                 after={"file": filename, "sha256": preview.sha256, "rows": len(doc.rows), "removed": removed,
                        "office": office.name, "version": disclosure.version,
                        "changes": len(disclosure.changes)})
    return record


# --- demo accounts ----------------------------------------------------------------------------------


DEMO_PASSWORD = "jixiao-demo"


class DemoAccountsRefused(Exception):
    """Demo accounts (with a published password) exist only in the local demo."""


def demo_accounts_refusal() -> str | None:
    """Why demo accounts may not be created here, or None in the local demo (DEBUG on, not the production settings)."""
    if getattr(settings, "JIXIAO_PRODUCTION", False):
        return "the production settings (jixiao.web.settings_production) are in use"
    if not settings.DEBUG:
        return "DEBUG is off (for a local demo with demo accounts: JIXIAO_DEBUG=1 ./dev start)"
    return None


def demo_accounts_create(*, password: str = DEMO_PASSWORD) -> list[dict[str, str]]:
    """One account per role on the first office and its first unit (created if there are none).

    Only in the local demo: raises DemoAccountsRefused when DEBUG is off or the production settings are in use.
    """
    from django.contrib.auth import get_user_model

    refusal = demo_accounts_refusal()
    if refusal is not None:
        raise DemoAccountsRefused(f"no demo accounts: {refusal}")

    user_model = get_user_model()
    office = Organization.objects.filter(kind=Organization.Kind.OFFICE).order_by("id").first()
    if office is None:
        office = organization_get_or_create(name=settings.JIXIAO_DEFAULT_OFFICE, kind=Organization.Kind.OFFICE)
    unit = Organization.objects.filter(parent=office).order_by("id").first()
    if unit is None:
        unit = organization_get_or_create(name="示例单位", kind=Organization.Kind.UNIT, parent=office)
    other = organization_get_or_create(name="示例单位乙", kind=Organization.Kind.UNIT, parent=office)
    spec = [
        ("reporter", unit, Membership.Role.REPORTER),
        ("approver", unit, Membership.Role.APPROVER),
        ("reviewer", office, Membership.Role.REVIEWER),
        ("reporter_b", other, Membership.Role.REPORTER),
    ]
    out = []
    for username, org, role in spec:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_password(password)
            user.save()
        Membership.objects.get_or_create(user=user, organization=org, role=role)
        out.append({"username": username, "password": password, "role": str(Membership.Role(role).label),
                    "organization": org.name})
    admin, created = user_model.objects.get_or_create(
        username="admin", defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(password)
        admin.save()
    out.append({"username": "admin", "password": password, "role": "superuser", "organization": "—"})
    # Something to report on: the latest cycle of the office gets a half-year period besides the full year.
    cycle = office.cycles.order_by("-year").first()
    if cycle is not None:
        for code in ("上半年", "全年"):
            period_get_or_create(office=office, year=cycle.year, code=code)
    return out


def cycle_periods_configure(*, office: Organization, year: int, codes: list[str], actor: Any) -> list[Period]:
    """The office sets which reporting periods a cycle has (quarters, half-year, full year)."""
    if not (perm.is_superuser(actor) or office.pk in perm.office_ids(actor)):
        raise PermissionDenied(_("只有本考核办可以设置报告期"))
    periods = [period_get_or_create(office=office, year=year, code=code) for code in codes]
    audit_record(actor=actor, action="cycle.periods", obj=periods[0].cycle if periods else office, unit=office,
                 after={"year": year, "periods": codes})
    return periods
