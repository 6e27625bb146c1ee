"""The history page: every session, trends over time, the goal, and two sessions side by side."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...options import changed_settings
from ...store import SessionRow, Store
from .. import charts, timeline
from ..deps import get_store, short_date, templates
from ..metrics import BY_KEY, DETAIL, GOAL_KEYS, HEADLINE, RATING, TRENDS, goal_met, goal_text, with_rating

router = APIRouter()

# Beyond any session of practice (a thousand interruptions in one talk); keeps the chart on its scale.
GOAL_MAX = 1000

RECENT_ROWS = 50
TABLE_COLUMNS = ("partner_talk_share", "interruptions", "advice_unasked", "reflections")


def _goal(store: Store) -> dict[str, Any] | None:
    goal = store.get_setting("goal")
    return goal if isinstance(goal, dict) and goal.get("metric") in BY_KEY else None


# HEAD too: `curl -I` and link checkers ask whether the coach is up that way.
@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, name="history")
async def history(request: Request, show: str = "recent", store: Store = Depends(get_store)) -> HTMLResponse:
    rows = store.sessions()
    goal = _goal(store)
    oldest_first = rows[::-1]
    dates = [short_date(r.created) for r in oldest_first]
    trends = []
    for key in TRENDS:
        metric = BY_KEY[key]
        values = [metric.value(with_rating(r.metrics, r.rating)) for r in oldest_first]
        target = float(goal["target"]) if goal and goal["metric"] == key else None
        trends.append((metric, charts.trend(metric, values, dates, target)))
    shown = rows if show == "all" else rows[:RECENT_ROWS]
    table = [
        {
            "row": r,
            "cells": [BY_KEY[k].format(BY_KEY[k].value(r.metrics)) for k in TABLE_COLUMNS],
            "rating": r.rating,
            "goal_met": goal_met(goal, r.metrics),
        }
        for r in shown
    ]
    return templates.TemplateResponse(
        request=request,
        name="history.html",
        context={
            "total": len(rows),
            "table": table,
            "columns": [BY_KEY[k] for k in TABLE_COLUMNS],
            "showing_all": len(shown) == len(rows),
            "trends": trends,
            "goal": goal,
            "goal_text": goal_text(goal),
            "goal_metrics": [BY_KEY[k] for k in GOAL_KEYS],
        },
    )


@router.post("/goal", name="set_goal")
async def set_goal(
    request: Request,
    metric: str = Form(...),
    target: str = Form(""),
    store: Store = Depends(get_store),
) -> RedirectResponse:
    if not target.strip():
        store.set_setting("goal", None)  # an empty target clears the goal
    else:
        m = BY_KEY.get(metric)
        if metric not in GOAL_KEYS or m is None:
            raise HTTPException(422, "A goal needs one of the listed measures.")
        highest = 100 if m.unit == "share" else GOAL_MAX
        try:
            value = float(target.strip().rstrip("%"))
        except ValueError:
            value = math.nan
        if not 0 <= value <= highest:  # also refuses nan; inf is above any bound
            raise HTTPException(422, f"The goal for {m.label.lower()} is a number from 0 to {highest}.")
        if m.unit == "share":
            value /= 100  # typed as a percentage
        elif m.unit == "count":
            # Counts are whole: "at most 1.6" is "at most 1", and the page shows what is checked.
            value = float(math.floor(value) if m.better == "lower" else math.ceil(value))
        store.set_setting("goal", {"metric": metric, "target": value})
    return RedirectResponse(request.url_for("history"), status_code=303)


def _changed_microphones(earlier: str, later: str) -> list[str]:
    if earlier == later:
        return []
    words = {"two-mic": "two microphones", "single-mic": "one microphone"}
    return [
        f"recorded with {words.get(earlier, earlier)}, then with {words.get(later, later)}: on one microphone, "
        "talking over each other and backchannels are estimated from one mixed signal"
    ]


@router.get("/compare", response_class=HTMLResponse, name="compare")
async def compare(
    request: Request, s: list[str] = Query(default=[]), store: Store = Depends(get_store)
) -> HTMLResponse:
    ids = list(dict.fromkeys(s))
    if len(ids) != 2:
        picked = f" ({len(ids)} were ticked)" if len(ids) > 2 else ""
        raise HTTPException(400, f"Pick two sessions to compare{picked}.")
    rows: list[SessionRow] = []
    reports = []
    for sid in ids:
        row, report = store.session(sid), store.report(sid)
        if row is None or report is None:
            raise HTTPException(404, "One of those sessions no longer exists.")
        rows.append(row)
        reports.append(report)
    rows_and_reports = sorted(zip(rows, reports), key=lambda p: (p[0].created, p[0].id))
    earlier, later = (r for r, _ in rows_and_reports)
    metrics = []
    for m in (*HEADLINE, *DETAIL, RATING):
        a, b = (m.value(with_rating(r.metrics, r.rating)) for r, _ in rows_and_reports)
        metrics.append({"metric": m, "a": m.format(a), "b": m.format(b), "change": m.change(b, a)})
    return templates.TemplateResponse(
        request=request,
        name="compare.html",
        context={
            "sessions": [
                {"row": r, "timeline": timeline.render(rep, compact=True)} for r, rep in rows_and_reports
            ],
            "metrics": metrics,
            "changed_settings": [
                *_changed_microphones(earlier.mode, later.mode),
                *changed_settings(earlier.options, later.options, (earlier.mode, later.mode)),
            ],
        },
    )
