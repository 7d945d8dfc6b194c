"""The data of the web system. Business rules live in services.py; these are plain records.

Published disclosures are immutable snapshots (``Disclosure.snapshot``): the public site and the public
API read only those, so nothing a unit drafts can leak and nothing published can change silently.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organization(models.Model):
    class Kind(models.TextChoices):
        OFFICE = "office", _("考核办公室")
        UNIT = "unit", _("被考核单位")

    name = models.CharField(_("名称"), max_length=200, unique=True)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.UNIT)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级考核办公室"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="units",
    )
    email = models.EmailField(_("联系邮箱"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("单位")
        verbose_name_plural = _("单位")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in an organisation. Reporters and approvers belong to units, reviewers to offices."""

    class Role(models.TextChoices):
        REPORTER = "reporter", _("填报人")
        APPROVER = "approver", _("单位审核人")
        REVIEWER = "reviewer", _("考核办审核人")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique"),
        ]
        verbose_name = _("角色")
        verbose_name_plural = _("角色")

    def __str__(self) -> str:
        return f"{self.user} · {self.organization} · {self.get_role_display()}"


class Cycle(models.Model):
    """An appraisal cycle: one year of one appraisal office."""

    office = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="cycles")
    year = models.PositiveIntegerField(_("年度"))

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="cycle_unique")]
        verbose_name = _("考核年度")
        verbose_name_plural = _("考核年度")

    def __str__(self) -> str:
        return f"{self.year}"


# The periods a cycle may be reported in, in calendar order: code (as the core normalises it) and slug.
PERIOD_CHOICES = [
    ("一季度", _("一季度")),
    ("二季度", _("二季度")),
    ("上半年", _("上半年")),
    ("三季度", _("三季度")),
    ("前三季度", _("前三季度")),
    ("全年", _("全年")),
]
PERIOD_SLUGS = {"一季度": "q1", "二季度": "q2", "上半年": "h1", "三季度": "q3", "前三季度": "q1-q3", "全年": "year"}
PERIOD_ORDER = {code: i for i, (code, _label) in enumerate(PERIOD_CHOICES)}


class Period(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="periods")
    code = models.CharField(_("报告期"), max_length=10, choices=PERIOD_CHOICES)
    order = models.PositiveSmallIntegerField(default=0)
    due_date = models.DateField(_("截止日期"), null=True, blank=True)

    class Meta:
        ordering = ["cycle", "order"]
        constraints = [models.UniqueConstraint(fields=["cycle", "code"], name="period_unique")]
        verbose_name = _("报告期")
        verbose_name_plural = _("报告期")

    def __str__(self) -> str:
        return f"{self.cycle.year} {self.get_code_display()}"

    @property
    def slug(self) -> str:
        return PERIOD_SLUGS[self.code]


class Goal(models.Model):
    unit = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="goals")
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="goals")
    name = models.CharField(_("目标名称"), max_length=500)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["unit", "cycle", "order", "id"]
        verbose_name = _("目标")
        verbose_name_plural = _("目标")

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    text = models.TextField(_("考核指标"))
    weight = models.DecimalField(_("权重"), max_digits=6, decimal_places=2, default=1)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["goal__order", "order", "id"]
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")

    def __str__(self) -> str:
        return self.text[:60]


class Target(models.Model):
    """A target the core found in an indicator's text, shared by every period's report on the indicator.

    What the core read is never edited by people: a correction (comparator, value, unit) belongs to one report
    (``TargetCorrection``), so correcting a target in one period's draft changes no other period's report."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=500)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    metric = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20)
    comparator = models.CharField(max_length=2, blank=True)
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    stage = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["indicator", "position"]
        verbose_name = _("目标值")
        verbose_name_plural = _("目标值")

    def __str__(self) -> str:
        return self.text

    def effective(self, correction: TargetCorrection | None = None) -> Effective:
        """The target as one report judges it: its correction in that report, else what the core read."""
        if correction is not None:
            return Effective(correction.comparator, correction.value, correction.unit, True, correction.note)
        return Effective(self.comparator, self.value, self.unit, False, "")


class Effective(NamedTuple):
    """A target's comparator, value and unit as a report judges it, and whether (and why) that report corrected it."""

    comparator: str
    value: float | None
    unit: str
    corrected: bool
    note: str


class Submission(models.Model):
    """A unit's progress report for one period: the workflow object."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        RETURNED = "returned", _("已退回")
        APPROVED = "approved", _("已审核")
        PUBLISHED = "published", _("已公示")

    unit = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="submissions")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="submissions")
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("标题"), max_length=500, blank=True)
    review_comment = models.TextField(_("审核意见"), blank=True)
    score = models.FloatField(_("得分"), null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period__cycle__year", "period__order", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="submission_unique")]
        verbose_name = _("进度报告")
        verbose_name_plural = _("进度报告")

    def __str__(self) -> str:
        return f"{self.unit} {self.period}"


class TargetCorrection(models.Model):
    """A correction of what the core read from an indicator (comparator, value, unit), in one report.

    It applies to that report's entry on the indicator only: made in one period's report, it is copied to later
    periods' reports still being drafted when the user asks for it (``later_periods``; ``services.target_correct``),
    and to the unit's later periods' reports started afterwards (``services.submission_start``). A report that is
    submitted, approved or published never gains or changes one, and a published version's snapshot never
    changes. It survives a re-extraction of the indicator as long as the target's words are unchanged."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="corrections")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="target_corrections")
    comparator = models.CharField(_("更正后的比较"), max_length=2, blank=True)
    value = models.FloatField(_("更正后的目标值"), null=True, blank=True)
    unit = models.CharField(_("更正后的单位"), max_length=40, blank=True)
    note = models.CharField(_("更正说明"), max_length=500)
    # made with "also later periods": later periods' reports of the cycle take it too, when they start
    later_periods = models.BooleanField(_("同时用于以后各期"), default=False)
    # the report the correction was made in: this one, or an earlier period's it was copied from
    origin = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(_("更正时间"))

    class Meta:
        ordering = ["submission", "target__position"]
        constraints = [
            models.UniqueConstraint(fields=["target", "submission"], name="target_correction_unique"),
        ]
        verbose_name = _("目标更正")
        verbose_name_plural = _("目标更正")

    def __str__(self) -> str:
        return f"{self.submission} · {self.target}"


class ProgressEntry(models.Model):
    """The progress reported on one indicator in one submission (完成进度)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="entries")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="entries")
    narrative = models.TextField(_("完成进度"), blank=True)
    verdict = models.CharField(max_length=12, blank=True)
    checked_text = models.TextField(blank=True)  # the narrative the stored verdicts were computed from
    checked_at = models.DateTimeField(null=True, blank=True)
    # Counts the saves of what people write (narrative, actuals): an edit names the version it was based on and
    # is refused when another save came in between (services.entry_update). Rechecks do not count.
    version = models.PositiveIntegerField(_("版本"), default=1)

    class Meta:
        ordering = ["indicator__goal__order", "indicator__order", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"], name="entry_unique"),
        ]
        verbose_name = _("完成进度")
        verbose_name_plural = _("完成进度")

    def __str__(self) -> str:
        return f"{self.submission} · {self.indicator}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every save of the entry's content increments ``version``; a save of derived fields only (the
        checker's verdict, ``checked_text``, ``checked_at``: ``update_fields`` without ``narrative``) does not."""
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and (update_fields is None or "narrative" in update_fields):
            self.version = (self.version or 0) + 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


class ActualValue(models.Model):
    """An actual number entered directly for a target (instead of, or besides, the narrative)."""

    entry = models.ForeignKey(ProgressEntry, on_delete=models.CASCADE, related_name="actuals")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="actuals")
    value = models.FloatField(_("实际值"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "target"], name="actual_unique")]


class Verdict(models.Model):
    """The checker's verdict on one target of one entry, with its evidence; a reviewer may override it."""

    entry = models.ForeignKey(ProgressEntry, on_delete=models.CASCADE, related_name="verdicts")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="verdicts")
    verdict = models.CharField(max_length=12)
    reason = models.TextField(blank=True)
    actual_text = models.CharField(max_length=500, blank=True)
    actual_value = models.FloatField(null=True, blank=True)
    actual_start = models.PositiveIntegerField(null=True, blank=True)
    actual_end = models.PositiveIntegerField(null=True, blank=True)
    evidence = models.JSONField(default=list, blank=True)  # [{"text", "start", "end", "kind"}]
    source = models.CharField(max_length=12, default="checker")  # checker | entered
    override_verdict = models.CharField(_("复核结论"), max_length=12, blank=True)
    override_reason = models.TextField(_("复核理由"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["entry", "target__position"]
        constraints = [models.UniqueConstraint(fields=["entry", "target"], name="verdict_unique")]
        verbose_name = _("核验结论")
        verbose_name_plural = _("核验结论")

    @property
    def effective(self) -> str:
        return self.override_verdict or self.verdict


class Disclosure(models.Model):
    """One published version of a unit's disclosure for a period. Never edited after it is created."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="disclosures")
    unit = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="disclosures")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="disclosures")
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=500)
    published_at = models.DateTimeField()
    published_on = models.DateField(null=True, blank=True)  # 发布时间 as the document states it
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()
    score = models.FloatField(null=True, blank=True)
    change_note = models.TextField(blank=True)
    changes = models.JSONField(default=list, blank=True)  # what differs from the previous version

    class Meta:
        ordering = ["unit", "period", "-version"]
        constraints = [models.UniqueConstraint(fields=["unit", "period", "version"], name="disclosure_unique")]
        verbose_name = _("公示")
        verbose_name_plural = _("公示")

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A published version is written once; a correction is a new version, never an edit."""
        if not self._state.adding:
            raise PublishedImmutableError(f"disclosure {self.pk} v{self.version} is published and cannot change")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PublishedImmutableError(f"disclosure {self.pk} v{self.version} is published and cannot be deleted")


class PublishedImmutableError(Exception):
    """Raised on any attempt to edit or delete a published disclosure version."""


class ImportRecord(models.Model):
    """An uploaded or command-line import: the verbatim original, its hash and what came of it."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        APPLIED = "applied", _("已导入")
        UNCHANGED = "unchanged", _("无变化")
        FAILED = "failed", _("失败")

    sha256 = models.CharField(max_length=64, db_index=True)
    filename = models.CharField(max_length=300)
    original = models.BinaryField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.SET_NULL)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")


class AuditLog(models.Model):
    """Every change: who, when, what, before → after. ``unit`` scopes who may read it."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    unit = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    # A unit's own drafting: readable by the unit, not by the office.
    private = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")


class Reminder(models.Model):
    unit = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="reminders")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recipients = models.JSONField(default=list)
