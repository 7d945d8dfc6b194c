"""JSON API. Public, read-only endpoints serve only published data; the reporting endpoints need a login
and return only the submissions the user may see (others are 404, never 403, so nothing leaks)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from jixiao.web.performance import checking, limits, selectors, services
from jixiao.web.performance import permissions as perm
from jixiao.web.performance.api_params import ID_PATTERN, MAX_ID, YEARS, Query, parse_whole
from jixiao.web.performance.models import Cycle, Disclosure, Organization, ProgressEntry, Submission, Target

# --- serializers -----------------------------------------------------------------------------------


class UnitSerializer(serializers.ModelSerializer[Organization]):
    office = serializers.CharField(source="parent.name", default=None, read_only=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "office"]


class CycleSerializer(serializers.ModelSerializer[Cycle]):
    office = serializers.CharField(source="office.name", read_only=True)
    periods = serializers.SerializerMethodField()

    class Meta:
        model = Cycle
        fields = ["id", "year", "office", "periods"]

    def get_periods(self, obj: Cycle) -> list[str]:
        return [p.code for p in obj.periods.all()]


class DisclosureSummarySerializer(serializers.ModelSerializer[Disclosure]):
    unit = serializers.CharField(source="unit.name", read_only=True)
    unit_id = serializers.IntegerField(read_only=True)
    year = serializers.IntegerField(source="period.cycle.year", read_only=True)
    period = serializers.CharField(source="period.code", read_only=True)

    class Meta:
        model = Disclosure
        fields = ["id", "unit", "unit_id", "year", "period", "version", "title", "published_on", "published_at",
                  "score", "change_note"]


class DisclosureDetailSerializer(DisclosureSummarySerializer):
    rows = serializers.JSONField(source="snapshot.rows", read_only=True)
    changes = serializers.JSONField(read_only=True)

    class Meta(DisclosureSummarySerializer.Meta):
        fields = [*DisclosureSummarySerializer.Meta.fields, "changes", "rows"]


class PublicTargetSerializer(serializers.Serializer[dict[str, Any]]):
    disclosure = serializers.IntegerField()
    row = serializers.IntegerField()
    goal = serializers.CharField()
    text = serializers.CharField()
    span = serializers.ListField(child=serializers.IntegerField())
    kind = serializers.CharField()
    comparator = serializers.CharField(allow_null=True)
    value = serializers.FloatField(allow_null=True)
    unit = serializers.CharField(allow_null=True)
    verdict = serializers.CharField()
    reason = serializers.CharField()
    override_reason = serializers.CharField(allow_blank=True)
    actual = serializers.JSONField(help_text="the actual figure entered for the target, or null")
    evidence = serializers.JSONField()


class TargetVerdictSerializer(serializers.Serializer[dict[str, Any]]):
    text = serializers.CharField()
    verdict = serializers.CharField()
    checker_verdict = serializers.CharField()
    reason = serializers.CharField()
    override_reason = serializers.CharField(allow_blank=True)


class RowVerdictSerializer(serializers.Serializer[dict[str, Any]]):
    row = serializers.IntegerField()
    goal = serializers.CharField()
    verdict = serializers.CharField()
    targets = TargetVerdictSerializer(many=True)


class VerdictSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    target_id = serializers.IntegerField(help_text="the target's id: keys of actuals, target of a correction")
    target = serializers.CharField()
    verdict = serializers.CharField()
    checker_verdict = serializers.CharField()
    reason = serializers.CharField()
    override_reason = serializers.CharField(allow_blank=True)
    evidence = serializers.JSONField()


class EntrySerializer(serializers.ModelSerializer[ProgressEntry]):
    goal = serializers.CharField(source="indicator.goal.name", read_only=True)
    indicator = serializers.CharField(source="indicator.text", read_only=True)
    verdicts = serializers.SerializerMethodField()

    class Meta:
        model = ProgressEntry
        fields = ["id", "goal", "indicator", "narrative", "version", "verdict", "verdicts"]
        read_only_fields = ["verdict", "version"]

    @extend_schema(responses=VerdictSerializer(many=True))
    def get_verdicts(self, obj: ProgressEntry) -> list[dict[str, Any]]:
        return [{"id": v.pk, "target_id": v.target_id, "target": v.target.text, "verdict": v.effective,
                 "checker_verdict": v.verdict, "reason": v.reason, "override_reason": v.override_reason,
                 "evidence": v.evidence}
                for v in obj.verdicts.select_related("target")]


_ID_DIGITS = len(str(MAX_ID))  # a key this long may overflow an id: no target has it
_NO_TARGET = 0  # the id of no target, for a key written as an id that no target can have


@extend_schema_field({
    "type": "object", "propertyNames": {"type": "string", "pattern": ID_PATTERN},
    "additionalProperties": {"type": ["number", "null"]},
    "description": "the actual figure of each target, by target id (verdicts[].target_id; null clears it)"})
class ActualsField(serializers.DictField):
    """``{"<target id>": number or null}``: a key that is not a target id written plainly is 400 naming it."""

    child = serializers.FloatField(allow_null=True)

    def to_internal_value(self, data: Any) -> dict[int, float | None]:
        values = super().to_internal_value(data)
        errors: dict[str, list[str]] = {}
        out: dict[int, float | None] = {}
        for key, value in values.items():
            if re.fullmatch(ID_PATTERN, key) and len(key) >= _ID_DIGITS:
                out[_NO_TARGET] = value  # written as an id, but larger than any id can be: no target's (404)
                continue
            try:
                out[parse_whole(key, "actuals", 1, MAX_ID)] = value
            except ValidationError:
                errors[key] = [_("键须为目标的 id（verdicts[].target_id），现为 %(key)r") % {"key": key}]
        if errors:
            raise ValidationError(errors)
        return out


class EntryUpdateSerializer(serializers.Serializer[dict[str, Any]]):
    narrative = serializers.CharField(
        allow_blank=True, trim_whitespace=False, validators=[limits.LengthValidator("narrative")],
        help_text="at most settings.JIXIAO_MAX_NARRATIVE_CHARS characters (20,000 by default); longer is 400")
    actuals = ActualsField(required=False)
    version = serializers.IntegerField(
        min_value=1, required=False,
        help_text="the entry's version the edit is based on (from GET); required: without it 428, stale 409")


class EntryPutSerializer(EntryUpdateSerializer):
    """PUT's body as the schema states it: ``narrative`` and ``version`` required (without ``version`` 428)."""

    version = serializers.IntegerField(
        min_value=1, help_text="the entry's version the edit is based on (from GET); without it 428, stale 409")


class EntryPatchSerializer(EntryPutSerializer):
    """PATCH's body as the schema states it: ``version`` required (without it 428), the rest optional."""

    narrative = serializers.CharField(
        allow_blank=True, required=False, trim_whitespace=False, validators=[limits.LengthValidator("narrative")],
        help_text="at most settings.JIXIAO_MAX_NARRATIVE_CHARS characters (20,000 by default); longer is 400")


class CommentSerializer(serializers.Serializer[dict[str, Any]]):
    comment = serializers.CharField(
        allow_blank=True, required=False, default="", trim_whitespace=False,
        validators=[limits.LengthValidator("comment")],
        help_text="at most settings.JIXIAO_MAX_COMMENT_CHARS characters (5,000 by default); longer is 400")


def _required_comment(missing: Any, what: str) -> serializers.CharField:
    """A comment the schema states as required and not only spaces; ``missing`` is the message when it is."""
    return serializers.CharField(
        trim_whitespace=False,
        validators=[RegexValidator(r"^[^\x00]*[^\s\x00][^\x00]*$", message=missing), limits.LengthValidator("comment")],
        help_text=f"{what} (required, not only spaces); at most settings.JIXIAO_MAX_COMMENT_CHARS characters "
                  "(5,000 by default); longer is 400")


class ReturnCommentSerializer(serializers.Serializer[dict[str, Any]]):
    """The return's body as the schema states it: a comment that is not only spaces (the view checks the body as
    CommentSerializer and leaves a missing comment to the service, after the permission check)."""

    comment = _required_comment(gettext_lazy("退回时请填写意见"), "why")


class ReopenCommentSerializer(serializers.Serializer[dict[str, Any]]):
    """The reopening's body as the schema states it: the reason, not only spaces (checked, like the return's, as
    CommentSerializer; a missing reason is the service's 400, after the permission check)."""

    comment = _required_comment(gettext_lazy("请说明更正原因"), "the reason for the correction")


class TargetCorrectionSerializer(serializers.Serializer[dict[str, Any]]):
    target = serializers.IntegerField(
        min_value=1, help_text="the id of a target of one of the report's entries (verdicts[].target_id)")
    comparator = serializers.ChoiceField(choices=sorted(checking._COMPARE))
    value = serializers.FloatField(allow_null=True, required=False, default=None)
    unit = serializers.CharField(
        allow_blank=True, required=False, default="", trim_whitespace=False,
        validators=[limits.LengthValidator("unit")],
        help_text="at most settings.JIXIAO_MAX_UNIT_CHARS characters (40 by default)")
    note = serializers.CharField(
        trim_whitespace=False, validators=[limits.LengthValidator("note")],
        help_text="why (required); at most settings.JIXIAO_MAX_NOTE_CHARS characters (500 by default)")
    later_periods = serializers.BooleanField(
        required=False, default=False,
        help_text="also the unit's reports of the cycle's later periods still being drafted (draft, returned, "
                  "reopened), and those started later; never a submitted, approved or published one. For the unit's "
                  "reporters and approvers only")


class CorrectedReportSerializer(serializers.Serializer[dict[str, Any]]):
    submission = serializers.IntegerField()
    year = serializers.IntegerField()
    period = serializers.CharField()
    status = serializers.CharField()


class TargetCorrectedSerializer(serializers.Serializer[dict[str, Any]]):
    submission = serializers.IntegerField()
    target = serializers.IntegerField()
    comparator = serializers.CharField(allow_blank=True)
    value = serializers.FloatField(allow_null=True)
    unit = serializers.CharField(allow_blank=True)
    note = serializers.CharField()
    later_periods = serializers.BooleanField()
    applied_to = CorrectedReportSerializer(many=True, help_text="the reports corrected: this one, then later ones")
    not_applied = CorrectedReportSerializer(
        many=True, help_text="later periods' reports left as they were (submitted, approved or published)")


def _report_ref(sub: Submission) -> dict[str, Any]:
    return {"submission": sub.pk, "year": sub.period.cycle.year, "period": sub.period.code, "status": sub.status}


class ConflictSerializer(serializers.Serializer[dict[str, Any]]):
    detail = serializers.CharField()
    status = serializers.CharField(required=False)
    narrative = serializers.CharField(required=False)
    actuals = serializers.DictField(required=False)
    version = serializers.IntegerField(required=False)


def _conflict(exc: services.Conflict) -> Response:
    return Response({"detail": exc.message, **exc.current}, status=status.HTTP_409_CONFLICT)


def _call_service[T](run: Callable[[], T]) -> T | Response:
    """Run a service and say its refusals as the API does: a 409 response with what is there now, 403, 404 for a
    target that is not the report's (or the entry's), 400 for anything else it finds wrong."""
    try:
        return run()
    except services.Conflict as exc:
        return _conflict(exc)
    except DjangoPermissionDenied as exc:
        raise PermissionDenied(str(exc)) from None
    except services.ForeignTarget as exc:
        raise NotFound(exc.messages[0]) from None
    except DjangoValidationError as exc:
        raise ValidationError(exc.messages) from None


class SubmissionSerializer(serializers.ModelSerializer[Submission]):
    unit = serializers.CharField(source="unit.name", read_only=True)
    year = serializers.IntegerField(source="period.cycle.year", read_only=True)
    period = serializers.CharField(source="period.code", read_only=True)
    entries = EntrySerializer(many=True, read_only=True)

    class Meta:
        model = Submission
        fields = ["id", "unit", "year", "period", "status", "review_comment", "score", "entries"]


# --- public ----------------------------------------------------------------------------------------


class UnitViewSet(viewsets.ReadOnlyModelViewSet[Organization]):
    """Units under appraisal (public)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    serializer_class = UnitSerializer
    queryset = Organization.objects.filter(kind=Organization.Kind.UNIT).select_related("parent").order_by("name")


class CycleViewSet(viewsets.ReadOnlyModelViewSet[Cycle]):
    """Appraisal cycles and their reporting periods (public)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    serializer_class = CycleSerializer
    queryset = Cycle.objects.select_related("office").prefetch_related("periods").order_by("-year")


_PERIOD_MAX = 10  # Period.code's column
_DISCLOSURE_FILTERS = [
    OpenApiParameter("unit", {"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_ID},
                     description="unit id"),
    OpenApiParameter("year", {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]}),
    OpenApiParameter("period", {"type": "string", "minLength": 1, "maxLength": _PERIOD_MAX, "pattern": "^[^\\x00]+$"},
                     description="一季度, 上半年, 前三季度, 全年 ..."),
    OpenApiParameter("all_versions", bool, description="include superseded versions"),
]
VERDICTS = ("met", "not_met", "unverified")


def _published(request: Request) -> list[Disclosure]:
    """The disclosures the list's filters select; a bad filter is 400 naming it (``year=abc``, ``unit=02``)."""
    q = Query(request)
    unit = q.whole("unit", 1, MAX_ID)
    year = q.whole("year", *YEARS)
    period = q.text("period", _PERIOD_MAX)
    all_versions = q.boolean("all_versions")
    q.done()
    if all_versions:
        items = list(Disclosure.objects.select_related("unit", "period__cycle").order_by("id"))
    else:
        items = selectors.disclosures_current()
    return [d for d in items if (unit is None or d.unit_id == unit) and (year is None or d.period.cycle.year == year)
            and (period is None or d.period.code == period)]


class DisclosureViewSet(viewsets.ReadOnlyModelViewSet[Disclosure]):
    """Published disclosures (public). The list holds the current version of each; ``all_versions=1``
    lists every version. A detail holds the rows, with targets, verdicts, reasons and evidence spans."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    queryset = Disclosure.objects.select_related("unit", "period__cycle")

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Disclosure]]:
        return DisclosureDetailSerializer if self.action == "retrieve" else DisclosureSummarySerializer

    @extend_schema(parameters=_DISCLOSURE_FILTERS)
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(_published(request))  # type: ignore[arg-type]
        return self.get_paginated_response(DisclosureSummarySerializer(page, many=True).data)

    @extend_schema(parameters=[OpenApiParameter("verdict", str, enum=VERDICTS, description="only these verdicts")],
                   responses=PublicTargetSerializer(many=True))
    @action(detail=True, methods=["get"])
    def targets(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Every target of a published disclosure with its verdict, reason and evidence."""
        q = Query(request)
        verdict = q.choice("verdict", VERDICTS)
        q.done()
        d = self.get_object()
        out = []
        for i, row in enumerate(d.snapshot.get("rows", []), start=1):
            for t in row.get("targets", []):
                if verdict is not None and t["verdict"] != verdict:
                    continue
                out.append({"disclosure": d.pk, "row": i, "goal": row["goal"], "text": t["text"],
                            "span": [t["start"], t["end"]], "kind": t["kind"], "comparator": t["comparator"],
                            "value": t["value"], "unit": t["unit"], "verdict": t["verdict"], "reason": t["reason"],
                            "override_reason": t.get("override_reason", ""), "actual": t["actual"],
                            "evidence": t.get("evidence", [])})
        page = self.paginate_queryset(out)  # type: ignore[arg-type]
        return self.get_paginated_response(PublicTargetSerializer(page, many=True).data)


    @extend_schema(responses=RowVerdictSerializer(many=True))
    @action(detail=True, methods=["get"])
    def verdicts(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """The verdict of every row (indicator) of a published disclosure, and of each of its targets."""
        d = self.get_object()
        out = [{"row": i, "goal": row["goal"], "verdict": row["verdict"],
                "targets": [{"text": t["text"], "verdict": t["verdict"], "checker_verdict": t["checker_verdict"],
                             "reason": t["reason"], "override_reason": t.get("override_reason", "")}
                            for t in row.get("targets", [])]}
               for i, row in enumerate(d.snapshot.get("rows", []), start=1)]
        page = self.paginate_queryset(out)  # type: ignore[arg-type]
        return self.get_paginated_response(RowVerdictSerializer(page, many=True).data)


# --- authenticated ---------------------------------------------------------------------------------


class SubmissionViewSet(viewsets.ReadOnlyModelViewSet[Submission]):
    """Progress reports the user may see (their units'; for reviewers, their units' submitted ones)."""

    permission_classes = [IsAuthenticated]
    serializer_class = SubmissionSerializer

    def get_queryset(self) -> Any:
        return perm.submissions_visible(self.request.user).prefetch_related("entries__indicator__goal")

    def _transition(self, request: Request, run: Any, body: type[serializers.Serializer[Any]] | None = CommentSerializer
                    ) -> Response:
        sub = self.get_object()
        comment = ""
        if body is None:
            request.data  # noqa: B018  (parsed for its errors alone: a form is 415, malformed JSON 400)
        else:
            checked = body(data=request.data)
            checked.is_valid(raise_exception=True)  # 400 {"comment": [...]}: not a string, too long; nothing is done
            comment = checked.validated_data["comment"]
        refused = _call_service(lambda: run(sub, request.user, comment))
        if isinstance(refused, Response):
            return refused
        return Response(SubmissionSerializer(sub).data)

    @extend_schema(request=None, responses={200: SubmissionSerializer, 409: ConflictSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Submit a draft (unit approvers). 409 when another transition came first."""
        return self._transition(request, lambda sub, user, _c: services.submission_submit(submission=sub,
                                                                                         actor=user), body=None)

    @extend_schema(request=ReturnCommentSerializer, responses={200: SubmissionSerializer, 409: ConflictSerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Return a submitted report with a comment (reviewers). 409 when another transition came first."""
        # the body is checked as CommentSerializer (a string, not too long): whether the user may return the report
        # comes before whether the comment is missing (the service's 400), as the schema's "required" promises
        return self._transition(request, lambda sub, user, c: services.submission_return(submission=sub,
                                                                                        actor=user, comment=c))

    @extend_schema(request=CommentSerializer, responses={200: SubmissionSerializer, 409: ConflictSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Approve a submitted report (reviewers). 409 when another transition came first."""
        return self._transition(request, lambda sub, user, c: services.submission_approve(submission=sub,
                                                                                         actor=user, comment=c))

    @extend_schema(request=CommentSerializer, responses={200: SubmissionSerializer, 409: ConflictSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Publish an approved report as a new disclosure version (reviewers; ``comment``: the change note).
        409 when another transition came first."""
        return self._transition(request, lambda sub, user, c: services.disclosure_publish(submission=sub,
                                                                                         actor=user, note=c))

    @extend_schema(request=ReopenCommentSerializer, responses={200: SubmissionSerializer, 409: ConflictSerializer})
    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Reopen a published report for correction (reviewers; ``comment``: the reason). 409 when another
        transition came first."""
        return self._transition(request, lambda sub, user, c: services.submission_reopen(submission=sub,
                                                                                        actor=user, reason=c))


    @extend_schema(request=TargetCorrectionSerializer,
                   responses={200: TargetCorrectedSerializer, 409: ConflictSerializer})
    @action(detail=True, methods=["post"])
    def corrections(self, request: Request, pk: str | None = None, **kwargs: Any) -> Response:
        """Correct a target in this report (the unit while drafting, the office when submitted; never an approved or
        published report): only this report is rechecked, and with ``later_periods`` the unit's later periods'
        reports still being drafted. Other periods' reports and published versions never change. 409 when the
        report's status has moved on."""
        sub = self.get_object()
        data = TargetCorrectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        target = (Target.objects.select_related("indicator__goal")
                  .filter(pk=fields.pop("target"), indicator__goal__unit=sub.unit, indicator__entries__submission=sub)
                  .first())
        if target is None:
            raise NotFound(_("此目标不属于此报告的考核指标"))
        done = _call_service(lambda: services.target_correct(target=target, actor=request.user, submission=sub,
                                                              **fields))
        if isinstance(done, Response):
            return done
        c = done.correction
        return Response(TargetCorrectedSerializer({
            "submission": sub.pk, "target": target.pk, "comparator": c.comparator, "value": c.value, "unit": c.unit,
            "note": c.note, "later_periods": c.later_periods,
            "applied_to": [_report_ref(s) for s in done.applied],
            "not_applied": [_report_ref(s) for s in done.not_applied],
        }).data)


class EntryViewSet(mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet[ProgressEntry]):
    """One indicator's progress in a report. PUT/PATCH saves the narrative (and actual numbers, by target
    id) and returns the recomputed verdicts. A write names the ``version`` it is based on: without one 428, a
    stale one 409 with the entry's current ``narrative``, ``actuals`` and ``version``; neither writes anything."""

    permission_classes = [IsAuthenticated]
    serializer_class = EntrySerializer
    http_method_names = ["get", "put", "patch", "head", "options"]

    def get_queryset(self) -> Any:
        visible = perm.submissions_visible(self.request.user)
        return ProgressEntry.objects.filter(submission__in=visible).select_related("submission__unit",
                                                                                  "indicator__goal")

    @extend_schema(request=EntryPutSerializer,
                   responses={200: EntrySerializer, 409: ConflictSerializer, 428: ConflictSerializer})
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entry = self.get_object()
        data = EntryUpdateSerializer(data=request.data, partial=kwargs.get("partial", False))
        data.is_valid(raise_exception=True)
        narrative = data.validated_data.get("narrative", entry.narrative)
        actuals = data.validated_data.get("actuals", {})
        version = data.validated_data.get("version")
        if version is None:
            return Response({"detail": _("请附上所依据的版本（version，见 GET 的结果），以免覆盖他人的修改"),
                             "version": entry.version}, status=status.HTTP_428_PRECONDITION_REQUIRED)
        refused = _call_service(lambda: services.entry_update(entry=entry, actor=request.user, narrative=narrative,
                                                               actuals=actuals, version=version))
        if isinstance(refused, Response):
            return refused
        entry.refresh_from_db()
        return Response(EntrySerializer(entry).data, status=status.HTTP_200_OK)

    @extend_schema(request=EntryPatchSerializer,
                   responses={200: EntrySerializer, 409: ConflictSerializer, 428: ConflictSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        kwargs["partial"] = True
        return self.update(request, *args, **kwargs)

