"""How each number of a report is shown: its name, what it means in plain words, and which way is better.

The keys are those of the report's ``metrics`` (coach.report/2). A key a report lacks shows as "—".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal, Mapping

Better = Literal["lower", "higher", "band"]
Unit = Literal["count", "share", "seconds", "ratio", "rate", "rating"]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    meaning: str
    better: Better | None
    unit: Unit = "count"
    band: tuple[float, float] | None = None  # for "band": values inside it are all equally good
    short: str = ""  # for table headings

    @property
    def heading(self) -> str:
        return self.short or self.label

    def value(self, metrics: Mapping[str, Any]) -> float | None:
        v = metrics.get(self.key)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v) or math.isinf(v):
            return None
        return float(v)

    def format(self, v: float | None) -> str:
        if v is None:
            return "—"
        if self.unit == "share":
            return f"{v * 100:.0f}%"
        if self.unit == "seconds":
            return f"{v:.1f} s" if v < 60 else f"{int(v // 60)} min {int(v % 60)} s"
        if self.unit == "ratio":
            # "1 : 3" reads more plainly than "0.3 : 1", and as the counts do on the session page.
            return f"{_plain(v)} : 1" if v >= 1 or v == 0 else f"1 : {_plain(1 / v)}"
        if self.unit in ("rate", "rating"):
            return f"{v:.1f}"
        return f"{v:.0f}"

    def score(self, v: float) -> float:
        """Larger is better, so comparisons need not know the direction."""
        if self.better == "lower":
            return -v
        if self.better == "band" and self.band:
            lo, hi = self.band
            return -(lo - v if v < lo else v - hi if v > hi else 0.0)
        return v

    def change(self, now: float | None, before: float | None, before_shown: str | None = None) -> "Change | None":
        """``before_shown``: how the earlier value reads where the card shows it otherwise (as counts)."""
        if now is None or before is None or self.better is None:
            return None
        a, b = self.score(now), self.score(before)
        tolerance = {"share": 0.01, "seconds": max(0.2, 0.1 * abs(before))}.get(self.unit, 0.05)
        verdict = "same" if abs(a - b) <= tolerance else "better" if a > b else "worse"
        words = {"better": "better than last time", "worse": "not as good as last time", "same": "same as last time"}
        return Change(verdict, f"{words[verdict]} ({before_shown or self.format(before)} then)")


def _plain(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class Change:
    verdict: Literal["better", "worse", "same"]
    text: str


HEADLINE: tuple[Metric, ...] = (
    Metric(
        "partner_talk_share", "Your partner's share of the talking",
        "It was their time to speak: in listening practice, the more of the talking they did, the better.",
        "higher", "share", short="Partner's share",
    ),
    Metric(
        "interruptions", "Times you spoke over them",
        "Starting to talk while your partner was still mid-sentence. A short “mm-hmm” does not count.",
        "lower", short="Spoke over",
    ),
    Metric(
        "advice_unasked", "Advice nobody asked for",
        "Suggestions or fixes offered before understanding. Asking “can I share an idea?” first does not count.",
        "lower", short="Unasked advice",
    ),
    Metric(
        "backchannels", "Encouraging sounds",
        "Little “mm-hmm”, “yeah”, “I see” that tell your partner you are with them and to go on.",
        "higher",
    ),
    Metric(
        "reflection_to_question_ratio", "Reflections for each question",
        "Saying back what you heard (“it sounds like…”), compared with asking. One to one is fair, two to one is good.",
        "higher", "ratio",
    ),
    Metric(
        "median_response_gap_s", "Pause before you answer",
        "How long you usually waited after they stopped. A second or two shows you let them finish and took it in.",
        "band", "seconds", band=(0.7, 3.0),
    ),
)

DETAIL: tuple[Metric, ...] = (
    Metric("interruptions_per_10min", "Interruptions per 10 minutes", "Lets long and short talks be compared.",
           "lower", "rate"),
    Metric("overlap_s", "Time both talked at once", "Seconds where your voices overlapped.", "lower", "seconds"),
    Metric("advice_with_permission", "Advice after asking first", "Ideas offered once your partner said yes.", None),
    Metric("permission", "Asking before offering ideas", "“Can I share a thought?”: the choice stays theirs.",
           "higher"),
    Metric("interruptions_took_floor", "Interruptions that silenced them",
           "Times you spoke over them and they stopped within a second.", "lower"),
    Metric("partner_interruptions", "Times they spoke over you", "Not counted against you; for context.", None),
    Metric("reflections", "Reflections", "Saying back what you heard in your own words.", "higher"),
    Metric("open_questions", "Open questions", "Questions that invite them to say more (“what was that like?”).",
           "higher"),
    Metric("closed_questions", "Closed questions", "Questions answered with yes, no or a fact.", None),
    Metric("validations", "Validations", "Showing their feelings make sense (“that sounds hard”).", "higher"),
    Metric("self_focus", "Turning it to yourself", "“That reminds me of when I…”: the talk moves to you.", "lower"),
    Metric("judgments", "Judging or minimising", "“You're overreacting”, “at least…”: feelings get waved away.",
           "lower"),
    Metric("longest_listener_monologue_s", "Your longest stretch of talking", "Shorter leaves them more room.",
           "lower", "seconds"),
    Metric("longest_partner_story_s", "Their longest uninterrupted story", "Longer means they felt free to go on.",
           "higher", "seconds"),
)

RATING = Metric(
    "rating", "How heard your partner felt", "Their own answer, from 1 (not heard) to 5 (fully heard).",
    "higher", "rating",
)

BY_KEY: dict[str, Metric] = {m.key: m for m in (*HEADLINE, *DETAIL, RATING)}

# The trends drawn on the history page, in this order.
TRENDS = ("interruptions_per_10min", "advice_unasked", "partner_talk_share", "reflections", "rating")

# Metrics a goal can be set on; the direction ("at most"/"at least") follows from which way is better.
GOAL_KEYS = ("interruptions", "interruptions_per_10min", "advice_unasked", "partner_talk_share", "reflections")


def goal_text(goal: Mapping[str, Any] | None) -> str | None:
    metric = BY_KEY.get(goal.get("metric", "")) if goal else None
    if metric is None or goal is None:
        return None
    bound = "at most" if metric.better == "lower" else "at least"
    return f"{metric.label}: {bound} {metric.format(float(goal['target']))}"


def goal_met(goal: Mapping[str, Any] | None, metrics: Mapping[str, Any]) -> bool | None:
    metric = BY_KEY.get(goal.get("metric", "")) if goal else None
    if metric is None or goal is None:
        return None
    v = metric.value(metrics)
    if v is None:
        return None
    target = float(goal["target"])
    return v <= target + 1e-9 if metric.better == "lower" else v >= target - 1e-9


def with_rating(metrics: Mapping[str, Any], rating: int | None) -> dict[str, Any]:
    """The partner's rating is stored beside the metrics; trends and comparisons treat it as one of them."""
    return {**metrics, "rating": rating}
