"""Forms of the work pages. Every field has a label (rendered as <label for=...>)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jixiao.web.performance import limits
from jixiao.web.performance.models import PERIOD_CHOICES, Organization, Target, TargetCorrection

VERDICT_CHOICES = [("met", _("已完成")), ("not_met", _("未完成")), ("unverified", _("无法核实"))]
COMPARATOR_CHOICES = [(">=", "≥"), ("<=", "≤"), ("==", "="), (">", ">"), ("<", "<")]


class LimitedForm(forms.Form):
    """A form whose free-text fields have the limits of settings.JIXIAO_MAX_* (read when the form is made, so an
    operator's setting applies): ``limited`` maps a field to its kind in ``limits.FIELDS``."""

    limited: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, kind in self.limited.items():
            fld = self.fields[name]
            fld.validators.append(limits.LengthValidator(kind, fld.label))
            fld.widget.attrs["maxlength"] = str(limits.max_chars(kind))


class EntryForm(LimitedForm):
    limited = {"narrative": "narrative"}

    narrative = forms.CharField(label=_("完成进度"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    # the entry's version this edit is based on: a save after someone else's is refused (services.entry_update)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, targets: list[Target], actuals: dict[int, float],
                 corrections: dict[int, TargetCorrection] | None = None, **kwargs: Any) -> None:
        """``corrections``: the report's corrections of the targets, by target id (services.submission_corrections)."""
        super().__init__(*args, **kwargs)
        self.targets = targets
        for t in targets:
            eff = t.effective((corrections or {}).get(t.pk))
            if eff.value is None:
                continue
            self.fields[f"actual_{t.pk}"] = forms.FloatField(
                label=_("实际值：%(target)s（%(unit)s）") % {"target": t.text, "unit": eff.unit or "—"},
                required=False, initial=actuals.get(t.pk),
            )

    def actuals(self) -> dict[int, float | None]:
        out: dict[int, float | None] = {}
        for t in self.targets:
            key = f"actual_{t.pk}"
            if key in self.cleaned_data:
                out[t.pk] = self.cleaned_data[key]
        return out


class CommentForm(LimitedForm):
    limited = {"comment": "comment"}

    comment = forms.CharField(label=_("意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class OverrideForm(LimitedForm):
    limited = {"reason": "reason"}

    verdict = forms.ChoiceField(
        label=_("复核结论"), choices=[("", _("（撤销复核）")), *VERDICT_CHOICES], required=False
    )
    reason = forms.CharField(label=_("复核理由"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class TargetCorrectionForm(LimitedForm):
    limited = {"unit": "unit", "note": "note"}

    comparator = forms.ChoiceField(label=_("比较"), choices=COMPARATOR_CHOICES)
    value = forms.FloatField(label=_("目标值"), required=False)
    unit = forms.CharField(label=_("单位"), required=False)
    note = forms.CharField(label=_("更正说明"))
    later_periods = forms.BooleanField(
        label=_("同时用于本年度以后各期尚在填报中的报告"), required=False,
        help_text=_("包括以后才开始填报的报告；已提交、已审核或已公示的报告不会改变。"))


class StartForm(forms.Form):
    period = forms.ChoiceField(label=_("报告期"))

    def __init__(self, *args: Any, periods: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = periods


class PeriodsForm(forms.Form):
    codes = forms.MultipleChoiceField(label=_("报告期"), choices=PERIOD_CHOICES, widget=forms.CheckboxSelectMultiple)
    year = forms.IntegerField(label=_("年度"), min_value=1990, max_value=2100)


class ImportForm(forms.Form):
    """The file to import; and, for someone who reviews more than one office, the office to import it into
    (only those offices are offered, so a posted office outside them is a form error)."""

    file = forms.FileField(label=_("公示文件"))

    def __init__(self, *args: Any, offices: QuerySet[Organization] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if offices is not None and offices.count() > 1:
            self.fields["office"] = forms.ModelChoiceField(label=_("导入到考核办"), queryset=offices)

    def clean_file(self) -> UploadedFile:
        """Refused from its declared size, before anything reads it."""
        upload = self.cleaned_data["file"]
        if upload.size is None or upload.size > settings.JIXIAO_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(limits.upload_too_large_message(upload.size or 0), code="too_large")
        return upload
