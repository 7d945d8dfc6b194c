"""The word lists of ``data/lexicon.toml``, loaded once into a typed, read-only object."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _pairs(items: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((str(a), str(b)) for a, b in items), key=lambda p: len(p[0]), reverse=True))


@dataclass(frozen=True, slots=True)
class Lexicon:
    in_year_cues: tuple[str, ...]
    so_far_cues: tuple[str, ...]
    going_cues: tuple[str, ...]
    full_year_words: tuple[str, ...]
    opening_fillers: frozenset[str]
    intent_before_period: tuple[str, ...]
    intent_after_period: tuple[str, ...]
    year_start_titles: tuple[str, ...]
    year_start_not: tuple[str, ...]
    period_spellings: tuple[tuple[str, str], ...]
    organization_suffixes: tuple[str, ...]
    goal_headers: frozenset[str]
    indicator_headers: frozenset[str]
    progress_headers: frozenset[str]
    money_units: tuple[str, ...]
    percent_units: tuple[str, ...]
    count_units: tuple[str, ...]
    person_units: frozenset[str]
    count_peers: tuple[frozenset[str], ...]
    class_bounds: tuple[str, ...]
    some_of_set_units: frozenset[str]
    unit_variants: tuple[frozenset[str], ...]
    unit_spellings: dict[str, str]  # another spelling of a unit → its canonical one (千米 → 公里, ㎡ → 平方米)
    multipliers: dict[str, int]
    approx_prefix: tuple[str, ...]
    approx_suffix: tuple[str, ...]
    time_denominators: tuple[str, ...]
    not_units_after: tuple[str, ...]
    not_quantity_before: tuple[str, ...]
    numeral_word_blockers: tuple[str, ...]
    comparators_before: tuple[tuple[str, str], ...]
    comparators_after: tuple[tuple[str, str], ...]
    keep_low: tuple[str, ...]
    exact_markers: tuple[str, ...]
    increase: tuple[str, ...]
    doubling_before: tuple[str, ...]  # 翻 (翻一番): a rise, read only right before its count
    works_not_change: tuple[str, ...]
    reduction_metrics: tuple[str, ...]
    flow_metrics: tuple[str, ...]
    from_words: tuple[str, ...]
    change_to_verbs: tuple[str, ...]
    change_to_words: tuple[str, ...]
    decrease: tuple[str, ...]
    new_things: tuple[str, ...]
    baseline: tuple[str, ...]
    claim_above: tuple[str, ...]
    remainder_before: tuple[str, ...]
    claim_below_clause: tuple[str, ...]
    claim_below: tuple[str, ...]
    claim_above_after: tuple[str, ...]
    claim_below_after: tuple[str, ...]
    about_words: tuple[str, ...]
    about_tolerance: float
    range_joiners: tuple[str, ...]
    stage_ranks: dict[str, int]
    milestone_words: tuple[str, ...]
    negations: tuple[str, ...]
    prospective_before: tuple[str, ...]
    prospective_after: tuple[str, ...]
    prospective_clause: tuple[str, ...]
    forecast_words: tuple[str, ...]
    gap_target_words: tuple[str, ...]
    plain_done_not_works: tuple[str, ...]
    object_lead_words: tuple[str, ...]
    numbered_name_heads: tuple[str, ...]
    generic_objects: tuple[str, ...]
    reference_stage_words: frozenset[str]
    named_work_max_chars: int
    works_words: tuple[str, ...]
    state_words: tuple[str, ...]
    action_words: tuple[str, ...]
    vague_verbs: tuple[str, ...]
    vague_endings: tuple[str, ...]
    done_verb: str
    met_phrases: tuple[str, ...]
    done_cells: frozenset[str]
    settled_phrases: frozenset[str]
    cumulative_shares: tuple[str, ...]
    not_met_phrases: tuple[str, ...]
    full_coverage: tuple[str, ...]
    admissions_final: tuple[str, ...]
    admissions_delay: tuple[str, ...]
    admission_overturned: tuple[str, ...]
    admission_blockers: tuple[str, ...]
    admission_as_name_after: tuple[str, ...]
    naming_leads: tuple[str, ...]
    task_share: tuple[str, ...]
    positive_growth_words: tuple[str, ...]  # 保持正增长: a state met by any rise
    full_rate_words: tuple[str, ...]  # 全部 before a rate's act: done in full (资金已全部拨付到位)
    list_leads: tuple[str, ...]
    list_separators: tuple[str, ...]
    list_ongoing: tuple[str, ...]
    list_done: tuple[str, ...]
    continuing_openers: tuple[str, ...]
    done_prefix: str
    list_dropped: tuple[str, ...]
    pace_phrases: frozenset[str]
    list_pending: tuple[str, ...]
    bare_target_labels: tuple[str, ...]
    target_header_heads: tuple[str, ...]
    target_header_ends: tuple[str, ...]
    scope_words: tuple[str, ...]
    scope_after: tuple[str, ...]
    scope_task_words: tuple[str, ...]
    scope_before: tuple[str, ...]
    money_metrics: tuple[str, ...]
    rate_heads: tuple[str, ...]
    annual_plan_words: tuple[str, ...]
    year_plan_words: tuple[str, ...]
    portfolio_words: tuple[str, ...]
    portfolio_units: frozenset[str]
    scope_each: tuple[str, ...]
    scope_each_not: tuple[str, ...]
    restate_leads: tuple[str, ...]
    scope_qualifiers: tuple[str, ...]
    distinct_metrics: tuple[tuple[str, str], ...]
    basis_notes: tuple[str, ...]
    clause_delimiters: frozenset[str]
    zero_nouns: tuple[str, ...]
    no_event_before: tuple[str, ...]  # 不发生 (重大安全事故): none of it asked for in words
    zero_units: dict[str, str]
    zero_phrases: tuple[str, ...]
    bare_claim_labels: tuple[str, ...]
    stop_bigrams: frozenset[str]
    synonyms: tuple[tuple[str, str], ...]  # (spelling, canonical name), longest spelling first
    some_of_them_leads: tuple[str, ...]
    some_of_them_units: tuple[str, ...]
    stage_not_before: tuple[str, ...]
    stage_not_within: tuple[str, ...]  # 建设计划 holds 设计 and is no stage
    done_only_words: tuple[str, ...]
    actual_markers: tuple[str, ...]
    plan_reached_before: tuple[str, ...]
    plan_right_before: tuple[str, ...]
    plan_words: tuple[str, ...]
    plan_as_noun_after: tuple[str, ...]
    plan_after: tuple[str, ...]
    plan_after_skip: tuple[str, ...]
    plan_after_heads: tuple[str, ...]
    subset_words: tuple[str, ...]
    ongoing_words: tuple[str, ...]
    deadline_goal_words: tuple[str, ...]
    deadline_done_words: tuple[str, ...]
    deadline_value_labels: tuple[str, ...]
    met_hedges: tuple[str, ...]
    all_met_subjects: tuple[str, ...]
    all_met_quantifiers: tuple[str, ...]
    all_met_verbs: tuple[str, ...]
    all_met_gap: int
    flat_words: tuple[str, ...]
    average_words: tuple[str, ...]
    whole_year_words: tuple[str, ...]
    year_end_words: tuple[str, ...]
    change_rate_nouns: tuple[str, ...]
    adjusted_basis: tuple[str, ...]
    aspiration_words: tuple[str, ...]
    time_limit_units: frozenset[str]
    working_time_units: frozenset[str]
    next_words: tuple[str, ...]
    growth_target_words: tuple[str, ...]
    change_label_qualifiers: tuple[str, ...]
    growth_only_metrics: tuple[str, ...]
    headcount_nouns: tuple[str, ...]
    scoring_words: tuple[str, ...]
    scoring_steps: tuple[str, ...]
    planned_figure_words: tuple[str, ...]
    headcount_nouns_after: tuple[str, ...]
    kind_units: frozenset[str]
    portfolio_kinds: tuple[str, ...]
    plan_later_in_clause: tuple[str, ...]
    target_label_extras: tuple[str, ...]
    increment_before: tuple[str, ...]
    running_total_before: tuple[str, ...]
    running_total_named: tuple[str, ...]
    sum_words: tuple[str, ...]
    margin_before: tuple[str, ...]
    whole_before_parts: tuple[str, ...]
    standard_words: tuple[str, ...]
    standard_not_words: tuple[str, ...]
    count_nouns: tuple[tuple[str, str], ...]
    part_of_result_leads: tuple[str, ...]
    part_done_words: tuple[str, ...]
    pair_breaks: tuple[str, ...]
    fenbie_verbs: tuple[str, ...]
    bare_money_unit: str
    bare_money_yuan_from: float
    per_head_words: tuple[str, ...]
    counted_periods: tuple[str, ...]
    counted_metrics: tuple[str, ...]
    pledge_markers: tuple[str, ...]
    annual_markers: tuple[str, ...]
    target_nouns_at_end: tuple[str, ...]
    act_done_verbs: tuple[str, ...]
    pledge_not: tuple[str, ...]
    act_not_before: tuple[str, ...]
    header_currencies: tuple[str, ...]
    deadline_fillers: tuple[str, ...]
    deadline_not_done: tuple[str, ...]
    plan_span_words: tuple[str, ...]
    plan_year_words: tuple[str, ...]
    midterm_words: tuple[str, ...]
    keep_at_least: tuple[str, ...]
    place_nouns: tuple[str, ...]
    past_openers: tuple[str, ...]  # 过去一年, 去年 opening a clause: results already in, no targets
    past_done_verbs: tuple[str, ...]
    past_plan_words: tuple[str, ...]
    share_of_cases_words: tuple[str, ...]  # 在12分鐘內到達現場的百分比: a share of cases within a limit
    done_so_far_verbs: tuple[str, ...]
    once_words: tuple[str, ...]
    revision_words: tuple[str, ...]
    works_going_words: tuple[str, ...]
    all_reached_words: tuple[str, ...]
    average_metric_words: tuple[str, ...]
    profit_words: tuple[str, ...]
    loss_words: tuple[str, ...]
    end_of_term_words: tuple[str, ...]
    pace_words: tuple[str, ...]

    @property
    def all_units(self) -> tuple[str, ...]:
        return _longest_first([*self.money_units, *self.percent_units, *self.count_units])


def _build(raw: dict[str, Any]) -> Lexicon:
    num = raw["numbers"]
    stage_ranks: dict[str, int] = {}
    for rank, words in raw["stages"]["order"]:
        for w in words:
            stage_ranks[str(w)] = int(rank)
    return Lexicon(
        in_year_cues=tuple(raw["periods"]["in_year_cues"]),
        so_far_cues=tuple(raw["periods"]["so_far_cues"]),
        going_cues=tuple(raw["periods"]["going_cues"]),
        full_year_words=tuple(raw["periods"]["full_year_words"]),
        opening_fillers=frozenset(raw["periods"]["opening_fillers"]),
        intent_before_period=_longest_first(raw["periods"]["intent_before_period"]),
        intent_after_period=_longest_first(raw["periods"]["intent_after_period"]),
        year_start_titles=tuple(raw["periods"]["year_start_titles"]),
        year_start_not=tuple(raw["periods"]["year_start_not"]),
        period_spellings=tuple((str(a), str(b)) for a, b in raw["periods"]["spellings"]),
        organization_suffixes=tuple(raw["organizations"]["suffixes"]),
        goal_headers=frozenset(raw["reader"]["goal_headers"]),
        indicator_headers=frozenset(raw["reader"]["indicator_headers"]),
        progress_headers=frozenset(raw["reader"]["progress_headers"]),
        money_units=_longest_first(num["money"]),
        percent_units=_longest_first(num["percent"]),
        count_units=_longest_first(num["counts"]),
        person_units=frozenset(num["person"]),
        count_peers=tuple(frozenset(g) for g in num["count_peers"]),
        class_bounds=_longest_first(num["class_bounds"]),
        some_of_set_units=frozenset(num["some_of_set_units"]),
        unit_variants=tuple(frozenset(g) for g in num["unit_variants"]),
        unit_spellings={str(a): str(b) for a, b in num["unit_spellings"]},
        multipliers={str(k): int(v) for k, v in num["multipliers"].items()},
        approx_prefix=_longest_first(num["approx_prefix"]),
        approx_suffix=_longest_first(num["approx_suffix"]),
        time_denominators=_longest_first(num["time_denominators"]),
        not_units_after=_longest_first(num["not_units_after"]),
        not_quantity_before=_longest_first(num["not_quantity_before"]),
        numeral_word_blockers=_longest_first(num["numeral_word_blockers"]),
        comparators_before=_pairs(raw["comparators"]["before"]),
        comparators_after=_pairs(raw["comparators"]["after"]),
        keep_low=_longest_first(raw["comparators"]["keep_low"]),
        exact_markers=_longest_first(raw["comparators"]["exact_markers"]),
        increase=_longest_first(raw["change"]["increase"]),
        doubling_before=_longest_first(num["doubling_before"]),
        works_not_change=_longest_first(raw["change"]["works_not_change"]),
        reduction_metrics=_longest_first(raw["change"]["reduction_metrics"]),
        flow_metrics=_longest_first([*raw["change"]["flow_metrics"], *raw["change"]["reduction_metrics"],
                                     *raw["targets"]["growth_only_metrics"]]),
        from_words=tuple(raw["change"]["from_words"]),
        change_to_verbs=_longest_first(raw["change"]["change_to_verbs"]),
        change_to_words=tuple(raw["change"]["change_to_words"]),
        decrease=_longest_first(raw["change"]["decrease"]),
        new_things=_longest_first(raw["change"]["new_things"]),
        baseline=_longest_first(raw["change"]["baseline"]),
        claim_above=_longest_first(raw["change"]["claim_above"]),
        remainder_before=_longest_first(raw["change"]["remainder_before"]),
        claim_below_clause=tuple(raw["change"]["claim_below_clause"]),
        claim_below=_longest_first(raw["change"]["claim_below"]),
        claim_above_after=_longest_first(raw["change"]["above_after"]),
        claim_below_after=_longest_first(raw["change"]["below_after"]),
        about_words=_longest_first(raw["comparators"]["about_words"]),
        about_tolerance=float(raw["comparators"]["about_tolerance"]),
        range_joiners=_longest_first(raw["comparators"]["range_joiners"]),
        stage_ranks=stage_ranks,
        milestone_words=_longest_first(raw["stages"]["milestone_words"]),
        negations=_longest_first(raw["stages"]["negations"]),
        prospective_before=_longest_first(raw["stages"]["prospective_before"]),
        prospective_after=_longest_first(raw["stages"]["prospective_after"]),
        prospective_clause=_longest_first(raw["stages"]["prospective_clause"]),
        forecast_words=_longest_first(raw["stages"]["forecast_words"]),
        gap_target_words=_longest_first(raw["stages"]["gap_target_words"]),
        plain_done_not_works=_longest_first(raw["stages"]["plain_done_not_works"]),
        object_lead_words=_longest_first(raw["stages"]["object_lead_words"]),
        numbered_name_heads=tuple(raw["stages"]["numbered_name_heads"]),
        generic_objects=_longest_first(raw["stages"]["generic_objects"]),
        reference_stage_words=frozenset(raw["stages"]["reference_stage_words"]),
        named_work_max_chars=int(raw["stages"]["named_work_max_chars"]),
        works_words=_longest_first(raw["stages"]["works_words"]),
        state_words=_longest_first(raw["stages"]["state_words"]),
        action_words=_longest_first(raw["stages"]["action_words"]),
        vague_verbs=_longest_first(raw["stages"]["vague_verbs"]),
        vague_endings=_longest_first(raw["stages"]["vague_endings"]),
        done_verb=str(raw["verdict"]["done_verb"]),
        met_phrases=_longest_first(raw["verdict"]["met_phrases"]),
        done_cells=frozenset(raw["verdict"]["done_cells"]),
        settled_phrases=frozenset(raw["verdict"]["settled_phrases"]),
        cumulative_shares=_longest_first(raw["verdict"]["cumulative_shares"]),
        not_met_phrases=_longest_first(raw["verdict"]["not_met_phrases"]),
        full_coverage=_longest_first(raw["verdict"]["full_coverage"]),
        admissions_final=_longest_first(raw["verdict"]["admissions_final"]),
        admissions_delay=_longest_first(raw["verdict"]["admissions_delay"]),
        admission_blockers=_longest_first(raw["verdict"]["admission_blockers"]),
        admission_as_name_after=_longest_first(raw["verdict"]["admission_as_name_after"]),
        admission_overturned=_longest_first(raw["verdict"]["admission_overturned"]),
        naming_leads=_longest_first(raw["verdict"]["naming_leads"]),
        task_share=_longest_first(raw["verdict"]["task_share"]),
        full_rate_words=_longest_first(raw["verdict"]["full_rate_words"]),
        positive_growth_words=_longest_first(raw["verdict"]["positive_growth_words"]),
        list_leads=_longest_first(raw["verdict"]["list_leads"]),
        list_separators=tuple(raw["verdict"]["list_separators"]),
        list_ongoing=_longest_first(raw["verdict"]["list_ongoing"]),
        list_done=_longest_first(raw["verdict"]["list_done"]),
        continuing_openers=_longest_first(raw["stages"]["continuing_openers"]),
        done_prefix=str(raw["stages"]["done_prefix"]),
        list_dropped=_longest_first(raw["verdict"]["list_dropped"]),
        pace_phrases=frozenset(raw["verdict"]["pace_phrases"]),
        list_pending=_longest_first(raw["verdict"]["list_pending"]),
        bare_target_labels=_longest_first(raw["targets"]["bare_labels"]),
        target_header_heads=tuple(raw["targets"]["target_header_heads"]),
        target_header_ends=tuple(raw["targets"]["target_header_ends"]),
        scope_words=_longest_first(raw["targets"]["scope_words"]),
        scope_after=_longest_first(raw["targets"]["scope_after"]),
        scope_before=_longest_first(raw["targets"]["scope_before"]),
        scope_task_words=tuple(raw["targets"]["scope_task_words"]),
        money_metrics=_longest_first(raw["targets"]["money_metrics"]),
        rate_heads=_longest_first(raw["targets"]["rate_heads"]),
        annual_plan_words=_longest_first(raw["targets"]["annual_plan_words"]),
        year_plan_words=_longest_first(raw["targets"]["year_plan_words"]),
        portfolio_words=_longest_first(raw["targets"]["portfolio_words"]),
        portfolio_units=frozenset(raw["targets"]["portfolio_units"]),
        scope_each=_longest_first(raw["targets"]["scope_each"]),
        scope_each_not=_longest_first(raw["targets"]["scope_each_not"]),
        restate_leads=_longest_first(raw["targets"]["restate_leads"]),
        scope_qualifiers=_longest_first(raw["align"]["scope_qualifiers"]),
        distinct_metrics=_pairs(raw["align"]["distinct_metrics"]),
        basis_notes=_longest_first(raw["align"]["basis_notes"]),
        clause_delimiters=frozenset(raw["targets"]["clause_delimiters"]),
        zero_nouns=_longest_first(raw["targets"]["zero_nouns"]),
        no_event_before=_longest_first(raw["targets"]["no_event_before"]),
        zero_units={str(k): str(v) for k, v in raw["targets"]["zero_units"]},
        zero_phrases=_longest_first(raw["claims"]["zero_phrases"]),
        bare_claim_labels=_longest_first(raw["claims"]["bare_labels"]),
        stop_bigrams=frozenset(raw["align"]["stop_bigrams"]),
        synonyms=tuple(sorted(((str(w), str(names[0])) for names in raw["align"]["synonyms"] for w in names),
                              key=lambda p: len(p[0]), reverse=True)),
        some_of_them_leads=tuple(raw["restate"]["some_of_them_leads"]),
        some_of_them_units=tuple(raw["restate"]["some_of_them_units"]),
        stage_not_before=tuple(raw["restate"]["stage_not_before"]),
        stage_not_within=tuple(raw["restate"]["stage_not_within"]),
        done_only_words=_longest_first(raw["restate"]["done_only_words"]),
        actual_markers=_longest_first(raw["restate"]["actual_markers"]),
        plan_reached_before=_longest_first(raw["restate"]["plan_reached_before"]),
        plan_right_before=_longest_first(raw["restate"]["plan_right_before"]),
        plan_words=_longest_first(raw["restate"]["plan_words"]),
        plan_as_noun_after=_longest_first(raw["restate"]["plan_as_noun_after"]),
        plan_after=_longest_first(raw["restate"]["plan_after"]),
        plan_after_skip=_longest_first(raw["restate"]["plan_after_skip"]),
        plan_after_heads=tuple(raw["restate"]["plan_after_heads"]),
        subset_words=_longest_first(raw["restate"]["subset_words"]),
        ongoing_words=_longest_first(raw["restate"]["ongoing_words"]),
        deadline_goal_words=_longest_first(raw["deadline"]["goal_words"]),
        deadline_done_words=_longest_first(raw["deadline"]["done_words"]),
        met_hedges=_longest_first(raw["verdict"]["met_hedges"]),
        all_met_subjects=_longest_first(raw["verdict"]["all_met_subjects"]),
        all_met_quantifiers=_longest_first(raw["verdict"]["all_met_quantifiers"]),
        all_met_verbs=_longest_first(raw["verdict"]["all_met_verbs"]),
        all_met_gap=int(raw["verdict"]["all_met_gap"]),
        flat_words=_longest_first(raw["change"]["flat_words"]),
        average_words=_longest_first(raw["change"]["average_words"]),
        whole_year_words=_longest_first(raw["change"]["whole_year_words"]),
        year_end_words=_longest_first(raw["change"]["year_end_words"]),
        change_rate_nouns=_longest_first(raw["change"]["change_rate_nouns"]),
        adjusted_basis=_longest_first(raw["change"]["adjusted_basis"]),
        aspiration_words=_longest_first(raw["comparators"]["aspiration_words"]),
        standard_words=_longest_first(raw["targets"]["standard_words"]),
        standard_not_words=_longest_first(raw["targets"]["standard_not_words"]),
        time_limit_units=frozenset(raw["targets"]["time_limit_units"]),
        working_time_units=frozenset(raw["targets"]["working_time_units"]),
        next_words=_longest_first(raw["targets"]["next_words"]),
        growth_target_words=_longest_first(raw["targets"]["growth_target_words"]),
        change_label_qualifiers=_longest_first(raw["targets"]["change_label_qualifiers"]),
        growth_only_metrics=_longest_first(raw["targets"]["growth_only_metrics"]),
        headcount_nouns=_longest_first(raw["targets"]["headcount_nouns"]),
        scoring_words=_longest_first(raw["targets"]["scoring_words"]),
        scoring_steps=_longest_first(raw["targets"]["scoring_steps"]),
        planned_figure_words=_longest_first(raw["targets"]["planned_figure_words"]),
        headcount_nouns_after=_longest_first(raw["targets"]["headcount_nouns_after"]),
        kind_units=frozenset(raw["targets"]["kind_units"]),
        portfolio_kinds=_longest_first(raw["targets"]["portfolio_kinds"]),
        plan_later_in_clause=_longest_first(raw["restate"]["plan_later_in_clause"]),
        target_label_extras=_longest_first(raw["targets"]["target_label_extras"]),
        increment_before=_longest_first(raw["restate"]["increment_before"]),
        running_total_before=_longest_first(raw["restate"]["running_total_before"]),
        running_total_named=_longest_first(raw["restate"]["running_total_named"]),
        sum_words=_longest_first(raw["restate"]["sum_words"]),
        margin_before=_longest_first(raw["restate"]["margin_before"]),
        whole_before_parts=tuple(raw["restate"]["whole_before_parts"]),
        part_of_result_leads=tuple(raw["restate"]["part_of_result_leads"]),
        part_done_words=_longest_first(raw["restate"]["part_done_words"]),
        pair_breaks=tuple(raw["align"]["pair_breaks"]),
        fenbie_verbs=tuple(raw["align"]["fenbie_verbs"]),
        count_nouns=tuple((str(a), str(b)) for a, b in sorted(raw["targets"]["count_nouns"], key=lambda p: -len(p[0]))),
        bare_money_unit=str(raw["targets"]["bare_money_unit"]),
        bare_money_yuan_from=float(raw["targets"]["bare_money_yuan_from"]),
        per_head_words=tuple(raw["targets"]["per_head_words"]),
        counted_periods=_longest_first(raw["targets"]["counted_periods"]),
        counted_metrics=_longest_first(raw["targets"]["counted_metrics"]),
        pledge_markers=_longest_first(raw["stages"]["pledge_markers"]),
        annual_markers=_longest_first(raw["align"]["annual_markers"]),
        target_nouns_at_end=tuple(raw["restate"]["target_nouns_at_end"]),
        pledge_not=_longest_first(raw["stages"]["pledge_not"]),
        act_not_before=_longest_first(raw["stages"]["act_not_before"]),
        act_done_verbs=_longest_first([*raw["stages"]["action_words"], *raw["stages"]["act_done_verbs"]]),
        header_currencies=_longest_first(raw["targets"]["header_currencies"]),
        deadline_value_labels=_longest_first(raw["deadline"]["value_labels"]),
        deadline_fillers=_longest_first(raw["deadline"]["fillers"]),
        deadline_not_done=_longest_first(raw["deadline"]["not_done"]),
        plan_span_words=_longest_first(raw["deadline"]["plan_span_words"]),
        plan_year_words=_longest_first(raw["deadline"]["plan_year_words"]),
        midterm_words=tuple(raw["deadline"]["midterm_words"]),
        keep_at_least=tuple(raw["comparators"]["keep_at_least"]),
        place_nouns=_longest_first(raw["targets"]["place_nouns"]),
        share_of_cases_words=_longest_first(raw["targets"]["share_of_cases_words"]),
        past_openers=tuple(raw["targets"]["past_openers"]),
        past_done_verbs=_longest_first(raw["targets"]["past_done_verbs"]),
        past_plan_words=_longest_first(raw["targets"]["past_plan_words"]),
        done_so_far_verbs=_longest_first(raw["targets"]["done_so_far_verbs"]),
        once_words=tuple(raw["targets"]["once_words"]),
        revision_words=_longest_first(raw["change"]["revision_words"]),
        works_going_words=_longest_first(raw["restate"]["works_going_words"]),
        all_reached_words=_longest_first(raw["restate"]["all_reached_words"]),
        average_metric_words=_longest_first(raw["restate"]["average_metric_words"]),
        profit_words=_longest_first(raw["restate"]["profit_words"]),
        loss_words=_longest_first(raw["restate"]["loss_words"]),
        end_of_term_words=_longest_first(raw["stages"]["end_of_term_words"]),
        pace_words=_longest_first(raw["deadline"]["pace_words"]),
    )


def load_lexicon() -> Lexicon:
    text = resources.files("jixiao.core").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    return _build(tomllib.loads(text))


LEXICON = load_lexicon()
