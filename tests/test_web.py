"""The page's routes through TestClient: what each shows, and what each POST changes."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
import time
from html.parser import HTMLParser

import pytest
from .web_support import app, client, fill, home, make_report, store_of, token, wav  # noqa: F401

from coach.store import Store
from coach.web.deps import get_relabeler
from coach.web.metrics import DETAIL, HEADLINE


class Page(HTMLParser):
    """Just enough of a page to check its meaning: headings, links, text, elements by class."""

    def __init__(self, html: str):
        super().__init__()
        self.headings: list[str] = []
        self.links: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []
        self._in_heading = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3"):
            self._in_heading = True
            self.headings.append("")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        self.classes.extend((a.get("class") or "").split())

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def _post(client, url, data=None, **kw):
    return client.post(url, data={"csrf_token": token(client), **(data or {})}, **kw)


# -- history --------------------------------------------------------------------------------------


def test_history_empty_invites_a_first_session(client):
    r = client.get("/")
    assert r.status_code == 200
    page = Page(r.text)
    assert "No sessions yet" in page.all_text
    assert any(link.endswith("/new") for link in page.links)


def test_history_lists_sessions_with_trends_and_exports(client, wav):
    ids = fill(store_of(client), 4, wav)
    page = Page(client.get("/").text)
    assert "Over time" in page.headings and "Sessions" in page.headings
    for sid in ids:
        assert any(link.endswith(f"/sessions/{sid}") for link in page.links)
    assert page.classes.count("trend") == 5
    assert any(link.endswith("/sessions.csv") for link in page.links)
    assert "practice 4.wav" in page.all_text


def test_history_shows_recent_sessions_then_all_on_request(client):
    fill(store_of(client), 60)
    assert client.get("/").text.count('name="s"') == 50
    assert client.get("/?show=all").text.count('name="s"') == 60


def test_goal_is_saved_and_judged_per_session(client):
    fill(store_of(client), 4)  # interruptions 0..3 across sessions
    r = _post(client, "/goal", {"metric": "interruptions", "target": "1"})
    assert r.status_code == 303
    assert store_of(client).get_setting("goal") == {"metric": "interruptions", "target": 1.0}
    text = Page(client.get("/").text).all_text
    assert "Times you spoke over them: at most 1" in text
    assert "met" in text and "not yet" in text
    assert _post(client, "/goal", {"metric": "partner_talk_share", "target": "70%"}).status_code == 303
    assert store_of(client).get_setting("goal")["target"] == pytest.approx(0.7)
    assert _post(client, "/goal", {"metric": "duration_s", "target": "3"}).status_code == 422
    assert _post(client, "/goal", {"metric": "interruptions", "target": ""}).status_code == 303
    assert store_of(client).get_setting("goal") is None


@pytest.mark.parametrize("target", ["nan", "inf", "1e309", "-1", "abc", "1001"])
def test_a_goal_that_is_no_number_is_refused(client, target):
    r = _post(client, "/goal", {"metric": "advice_unasked", "target": target})
    assert r.status_code == 422 and "from 0 to 1000" in r.text
    assert store_of(client).get_setting("goal") is None
    assert _post(client, "/goal", {"metric": "partner_talk_share", "target": "150"}).status_code == 422


def test_a_goal_on_a_count_is_a_whole_number_the_page_and_the_check_agree_on(client):
    fill(store_of(client), 4)  # interruptions 0..3
    assert _post(client, "/goal", {"metric": "interruptions", "target": "1.6"}).status_code == 303
    assert store_of(client).get_setting("goal")["target"] == 1.0  # at most 1.6 of a count is at most 1
    assert "at most 1" in Page(client.get("/").text).all_text
    _post(client, "/goal", {"metric": "reflections", "target": "2.2"})
    assert store_of(client).get_setting("goal")["target"] == 3.0  # at least 2.2 is at least 3


def test_a_form_with_a_field_missing_is_one_line_on_the_page(client):
    r = client.post("/goal", data={"csrf_token": token(client)}, headers={"accept": "text/html"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "Something was left out of the form (metric)" in r.text and "loc" not in r.text
    scripted = client.post("/goal", data={"csrf_token": token(client)})
    assert scripted.status_code == 422 and scripted.json() == {
        "detail": "Something was left out of the form (metric): go back, fill it in and try again."}


def test_the_front_page_answers_head(client):
    r = client.head("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html") and r.content == b""


def test_compare_two_sessions(client):
    a, b = fill(store_of(client), 2)
    r = client.get(f"/compare?s={b}&s={a}")
    assert r.status_code == 200
    page = Page(r.text)
    assert "Two sessions side by side" in page.headings
    assert page.classes.count("timeline") == 2
    assert "analysed differently" not in r.text
    assert client.get(f"/compare?s={a}").status_code == 400
    assert client.get(f"/compare?s={a}&s={a}").status_code == 400
    assert client.get(f"/compare?s={a}&s=nope").status_code == 404
    c = fill(store_of(client), 1)[0]
    three = client.get(f"/compare?s={a}&s={b}&s={c}")  # not silently the first two
    assert three.status_code == 400 and "3 were ticked" in three.text


def test_compare_says_when_the_two_were_analysed_differently(client):
    store = store_of(client)
    a, b = fill(store, 2)
    report = store.report(b)
    report["options"] = report["options"] | {"beam_size": 1, "labeller": "0123456789ab", "crosstalk_db": 12.0}
    store.replace_report(b, report)
    page = Page(client.get(f"/compare?s={a}&s={b}").text)
    assert "These two were recorded or analysed differently" in page.all_text
    assert "beam size: 5 → 1" in page.all_text
    assert "crosstalk db" not in page.all_text  # a two-mic setting; both are single-mic
    assert "recorded with" not in page.all_text  # both on one microphone
    assert "different versions of the coach" in page.all_text


def test_compare_says_when_one_session_had_two_microphones(client):
    store = store_of(client)
    two_mic = make_report()
    two_mic["audio"] = two_mic["audio"] | {"mode": "two-mic", "channels": 2}
    a = store.add_session(two_mic, None)
    b = store.add_session(make_report(), None)
    with store.db:  # the two-mic one is the earlier (``created`` has one-second resolution)
        store.db.execute("UPDATE sessions SET created = '2026-01-01T10:00:00' WHERE id = ?", (a,))
    text = Page(client.get(f"/compare?s={b}&s={a}").text).all_text
    assert "recorded with two microphones, then with one microphone" in text


def test_a_change_of_a_few_tenths_of_a_second_is_about_the_same():
    by_key = {m.key: m for m in (*HEADLINE, *DETAIL)}
    assert by_key["median_response_gap_s"].change(0.4, 0.5).verdict == "same"
    assert by_key["longest_partner_story_s"].change(7.4, 7.3).verdict == "same"
    assert by_key["overlap_s"].change(5.9, 4.7).verdict == "worse"
    assert by_key["median_response_gap_s"].change(1.2, 0.3).verdict == "better"


def test_history_renders_fast_with_a_thousand_sessions(client):
    store = store_of(client)
    report = make_report()
    with store.db:  # straight into the table: add_session's per-session commit would dominate the set-up
        for i in range(1000):
            r = {**report, "session_id": f"s{i:04d}"}
            store.db.execute(
                "INSERT INTO sessions (id, created, title, audio_file, duration_s, mode, report, metrics, options)"
                " VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                (f"s{i:04d}", f"2024-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}+00:00", f"session {i}", 20.0,
                 "single-mic", __import__("json").dumps(r), __import__("json").dumps(r["metrics"]), "{}"),
            )
    client.get("/")  # templates compiled once, as on a running server
    timings = {}
    for url in ("/", "/?show=all"):
        t0 = time.perf_counter()
        r = client.get(url)
        timings[url] = time.perf_counter() - t0
        assert r.status_code == 200
    print(f"\nhistory with 1000 sessions: / {timings['/'] * 1000:.0f} ms, /?show=all {timings['/?show=all'] * 1000:.0f} ms")
    assert timings["/"] < 1.0


# -- one session ----------------------------------------------------------------------------------


def test_session_page_shows_numbers_timeline_transcript_and_suggestions(client, wav):
    first, second = fill(store_of(client), 2, wav)
    r = client.get(f"/sessions/{second}")
    assert r.status_code == 200
    page = Page(r.text)
    text = page.all_text
    for heading in ("How you listened", "The conversation", "What was said", "Which one is you?"):
        assert heading in page.headings
    assert "Times you spoke over them" in text and "It was their time to speak" in text
    assert "than last time" in text  # compared with the session before
    assert page.classes.count("mark-interruption") == 1 and page.classes.count("mark-advice") == 1
    assert re.search(r'class="mark mark-interruption mine" href="#turn-\d+" data-seek="3\.40"', r.text)
    assert "An attentive listener might have said" in text and "It sounds like you just feel so stressed" in text
    assert 'id="player"' in r.text and f"/sessions/{second}/audio" in r.text
    assert "spoke over" in text and "reflection" in text and "you encouraged them" in text


def test_a_suggestion_names_the_words_it_would_replace_when_they_are_only_part_of_the_line(client):
    report = make_report()
    turn = next(t for t in report["turns"] if t["start"] == 4.9)
    turn["text"] = "Oh no, that's rough. You should just talk to your boss about it."
    report["events"] = [e for e in report["events"] if e["type"] != "interruption"]
    advice = next(e for e in report["events"] if e["type"] == "advice")
    advice["start"] = 6.0  # the sentence that says it, as detect places it
    sid = store_of(client).add_session(report, None)
    text = Page(client.get(f"/sessions/{sid}").text).all_text
    assert "Instead of “You should just talk to your boss about it.”, an attentive listener might have said:" in text
    # where the advice is the whole line, the line itself shows what it would replace
    sid = store_of(client).add_session(make_report(), None)
    text = Page(client.get(f"/sessions/{sid}").text).all_text
    assert "An attentive listener might have said:" in text and "Instead of" not in text


def test_the_trust_notice_appears_only_when_something_limits_the_numbers(client):
    store = store_of(client)
    (sid,) = fill(store, 1)
    page = Page(client.get(f"/sessions/{sid}").text)
    assert "notice" not in page.classes  # a good recording read as planned: nothing to warn about
    assert "How it was read: one channel: single-microphone analysis; listener S1: the first person to speak." in page.all_text
    report = store.report(sid)
    report["notes"] = ["expected 2 voices but heard 1"]
    report["confidence"] = {"level": "poor", "warnings": ["very low level: speak closer to the microphone"]}
    store.replace_report(sid, report)
    page = Page(client.get(f"/sessions/{sid}").text)
    assert "notice" in page.classes and "How far to trust these numbers (poor):" in page.all_text
    assert "expected 2 voices but heard 1" in page.all_text and "very low level" in page.all_text


def test_words_said_while_both_spoke_on_one_microphone_are_marked_uncertain(client):
    store = store_of(client)
    (sid,) = fill(store, 1)
    report = store.report(sid)
    report["overlaps"] = [{"start": 4.9, "end": 5.6}, {"start": 13.0, "end": 15.0}]  # the second covers the reflection
    store.replace_report(sid, report)
    doubt = "You both spoke here: on one microphone these words may be misheard"
    page = client.get(f"/sessions/{sid}").text
    assert page.count(doubt) == 1  # the advice line is only 0.7 s of 3.1 s over the partner
    assert page.index(doubt) > page.index("It sounds like you feel invisible")
    report["audio"] = report["audio"] | {"mode": "two-mic", "channels": 2}  # each voice on its own mic
    store.replace_report(sid, report)
    assert doubt not in client.get(f"/sessions/{sid}").text


def test_first_session_has_no_comparison(client):
    (only,) = fill(store_of(client), 1)
    text = Page(client.get(f"/sessions/{only}").text).all_text
    assert "than last time" not in text


def test_unknown_session_is_404(client):
    assert client.get("/sessions/nope").status_code == 404
    assert client.get("/sessions/nope", headers={"accept": "text/html"}).status_code == 404
    assert client.get("/sessions/nope/report.json").status_code == 404
    assert client.get("/sessions/nope/audio").status_code == 404
    assert _post(client, "/sessions/nope/delete").status_code == 404


def test_report_json_is_the_stored_report(client):
    (sid,) = fill(store_of(client), 1)
    r = client.get(f"/sessions/{sid}/report.json")
    assert r.status_code == 200
    data = r.json()
    assert data["schema"] == "coach.report/2" and data["session_id"] == sid
    assert "attachment" in r.headers["content-disposition"]


def test_api_sessions_newest_first(client):
    ids = fill(store_of(client), 3)
    data = client.get("/api/sessions").json()
    assert [d["id"] for d in data] == ids[::-1]
    assert {"id", "created", "duration_s", "metrics"} <= set(data[0])
    assert data[0]["metrics"]["interruptions"] == make_report(interruptions=1)["metrics"]["interruptions"]


def test_csv_export_has_every_session_and_defuses_formulas(client):
    store = store_of(client)
    fill(store, 2)
    store.add_session(make_report(), None, title="=HYPERLINK(\"http://x\")")
    r = client.get("/sessions.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3
    assert "interruptions" in rows[0] and "partner_talk_share" in rows[0]
    header = next(csv.reader(io.StringIO(r.text)))
    assert len(header) == len(set(header))
    assert any(row["title"].startswith("'=") for row in rows)


def test_audio_supports_range_requests(client, wav):
    (sid,) = fill(store_of(client), 1, wav)
    data = wav.read_bytes()
    full = client.get(f"/sessions/{sid}/audio")
    assert full.status_code == 200 and full.content == data
    assert full.headers["content-type"].startswith("audio/")
    assert full.headers.get("accept-ranges") == "bytes"
    part = client.get(f"/sessions/{sid}/audio", headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(data)}"
    assert part.content == data[1000:2000]
    tail = client.get(f"/sessions/{sid}/audio", headers={"Range": "bytes=-100"})
    assert tail.status_code == 206 and tail.content == data[-100:]
    assert client.get(f"/sessions/{sid}/audio", headers={"Range": f"bytes={len(data) + 10}-"}).status_code == 416


def test_session_without_audio_has_no_player(client):
    (sid,) = fill(store_of(client), 1)
    r = client.get(f"/sessions/{sid}")
    assert 'id="player"' not in r.text
    assert client.get(f"/sessions/{sid}/audio").status_code == 404


def test_delete_removes_session_and_audio(client, home, wav):
    (sid,) = fill(store_of(client), 1, wav)
    audio = store_of(client).audio_path(sid)
    assert audio is not None and audio.exists()
    r = _post(client, f"/sessions/{sid}/delete")
    assert r.status_code == 303 and r.headers["location"].endswith("/")
    assert store_of(client).session(sid) is None and not audio.exists()
    assert client.get(f"/sessions/{sid}").status_code == 404


def test_swap_roles_stores_the_rederived_report(client):
    (sid,) = fill(store_of(client), 1)
    r = _post(client, f"/sessions/{sid}/listener", {"listener": "S2"})
    assert r.status_code == 303 and r.headers["location"].endswith(f"/sessions/{sid}")
    report = store_of(client).report(sid)
    assert {s["id"]: s["role"] for s in report["speakers"]} == {"S1": "partner", "S2": "listener"}
    assert store_of(client).session(sid).metrics["interruptions"] == 0
    assert 'value="S2" checked' in client.get(f"/sessions/{sid}").text
    assert _post(client, f"/sessions/{sid}/listener", {"listener": "S9"}).status_code == 422


def test_swap_roles_with_the_real_rederivation(client):
    pytest.importorskip("coach.report")
    client.app.dependency_overrides.pop(get_relabeler)
    (sid,) = fill(store_of(client), 1)
    assert _post(client, f"/sessions/{sid}/listener", {"listener": "S2"}).status_code == 303
    report = store_of(client).report(sid)
    assert {s["id"]: s["role"] for s in report["speakers"]}["S2"] == "listener"
    page = client.get(f"/sessions/{sid}")
    assert page.status_code == 200
    assert "listener S2: chosen after the analysis" in page.text and "the first person to speak" not in page.text


def test_rating_and_note_are_stored_and_shown(client):
    (sid,) = fill(store_of(client), 1)
    r = _post(client, f"/sessions/{sid}/rating", {"rating": "4", "note": "You let me finish."})
    assert r.status_code == 303
    row = store_of(client).session(sid)
    assert (row.rating, row.rating_note) == (4, "You let me finish.")
    text = Page(client.get(f"/sessions/{sid}").text).all_text
    assert "4 out of 5" in text and "You let me finish." in text
    assert _post(client, f"/sessions/{sid}/rating", {"rating": "7"}).status_code == 422
    for odd_digit in ("\u00b2", "\u2464", "\u0663", "\uff13"):  # ², ⑤, Arabic-Indic 3, fullwidth 3
        assert _post(client, f"/sessions/{sid}/rating", {"rating": odd_digit}).status_code == 422
    assert store_of(client).session(sid).rating == 4


def test_transcript_and_titles_are_escaped(client):
    report = make_report(text_extra=' <script>alert("x")</script>')
    report["speakers"][0]["id"] = "S1"
    sid = store_of(client).add_session(report, None, title='<img src=x onerror="alert(1)">')
    r = client.get(f"/sessions/{sid}")
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert" in r.text
    assert "<img src=x" not in client.get("/").text


def test_get_changes_nothing(client, wav):
    store = store_of(client)
    ids = fill(store, 2, wav)
    store.set_setting("goal", {"metric": "interruptions", "target": 1})

    def snapshot():
        return (
            list(store.db.execute("SELECT * FROM sessions ORDER BY id")),
            list(store.db.execute("SELECT * FROM settings ORDER BY key")),
        )

    before = [tuple(r) for r in snapshot()[0]], [tuple(r) for r in snapshot()[1]]
    for url in ("/", "/?show=all", f"/sessions/{ids[0]}", f"/sessions/{ids[0]}/audio", f"/sessions/{ids[0]}/report.json",
                "/api/sessions", "/sessions.csv", f"/compare?s={ids[0]}&s={ids[1]}", "/new",
                f"/sessions/{ids[0]}/delete", f"/sessions/{ids[0]}/rating?rating=1", "/goal?metric=advice&target=0"):
        assert client.get(url).status_code in (200, 405)
    after = [tuple(r) for r in snapshot()[0]], [tuple(r) for r in snapshot()[1]]
    assert before == after
    assert isinstance(store, Store)


def test_reflection_card_reads_the_earlier_session_as_counts_too(client):
    store = store_of(client)
    for reflections, open_questions in ((1, 3), (2, 2)):
        report = make_report()
        report["metrics"].update(reflections=reflections, open_questions=open_questions, closed_questions=0,
                                 reflection_to_question_ratio=reflections / open_questions)
        latest = store.add_session(report, None)
    text = Page(client.get(f"/sessions/{latest}").text).all_text
    assert "2 : 2" in text and "better than last time (1 : 3 then)" in text
    assert "0.3 : 1" not in text


def test_a_ratio_under_one_reads_as_one_to_n():
    (ratio,) = [m for m in HEADLINE if m.unit == "ratio"]
    assert [ratio.format(v) for v in (0, 1 / 3, 0.4, 1, 1.5, 2)] == ["0 : 1", "1 : 3", "1 : 2.5", "1 : 1", "1.5 : 1", "2 : 1"]


def test_advice_said_over_the_partner_is_one_moment_to_hear_again(client):
    report = make_report()  # the listener's "You should just talk to your boss" is both
    report["events"].append({"type": "interruption", "speaker": "S2", "start": 9.0, "end": 11.0, "text": "",
                             "detail": {"interrupted": "S1"}})
    session = store_of(client).add_session(report, None)
    html = client.get(f"/sessions/{session}").text
    moments = re.findall(r"<li class=\"(?:mine|theirs)\">\s*<a [^>]*class=\"seek\">▶ [^<]*</a>\s*([^<]*?)\s*</li>", html)
    assert [html_lib.unescape(m) for m in moments] == [
        "You spoke over your partner and gave advice: “You should just talk to your boss about it.”",
        "Your partner spoke over you: “I don't know, it's not really about the time. I feel like nobody sees what I do.”",
    ]


def _well_done(html: str) -> list[str]:
    block = html.split('<ol class="moments well-done">')[1].split("</ol>")[0] if "well-done" in html else ""
    items = re.findall(r"<li>\s*<a [^>]*class=\"seek\">▶ [^<]*</a>\s*([^<]*?)\s*</li>", block)
    return [html_lib.unescape(i) for i in items]


def test_what_went_well_lists_the_good_listening_to_hear_again(client):
    report = make_report()  # one listener turn both reflects and asks an open question
    session = store_of(client).add_session(report, None)
    assert _well_done(client.get(f"/sessions/{session}").text) == [
        "You said back what you heard and asked an open question: "
        "“It sounds like you feel invisible. What is that like?”",
    ]
    report["events"] = [e for e in report["events"] if e["type"] not in ("reflection", "open_question")]
    store_of(client).replace_report(session, report)
    page = client.get(f"/sessions/{session}").text
    assert _well_done(page) == [] and "No reflections, validations or open questions were heard this time" in page


def test_what_went_well_leaves_out_words_said_over_the_other_voice_and_keeps_it_short(client):
    report = make_report()
    report["overlaps"] = [{"start": 13.0, "end": 15.0}]  # single-mic: the reflection is in doubt
    session = store_of(client).add_session(report, None)
    assert _well_done(client.get(f"/sessions/{session}").text) == []
    # Twelve good turns: eight are shown, reflections and validations before questions, in time order.
    report = make_report(duration=600.0)
    report["overlaps"], report["events"] = [], []
    for i in range(12):
        kind = ("open_question", "validation", "reflection")[i % 3]
        start = 30.0 + 40 * i
        report["turns"].append({"speaker": "S1", "start": start, "end": start + 2, "text": f"{kind} {i}", "words": []})
        report["events"].append({"type": kind, "speaker": "S1", "start": start, "end": start + 2, "text": "", "detail": {}})
    report["turns"].sort(key=lambda t: t["start"])
    session = store_of(client).add_session(report, None)
    page = client.get(f"/sessions/{session}").text
    shown = _well_done(page)
    assert len(shown) == 8 and "… and 4 more, marked in the transcript below." in page
    assert [s.split(": ")[1] for s in shown] == [
        f"“{('open_question', 'validation', 'reflection')[i % 3]} {i}”" for i in (1, 2, 4, 5, 7, 8, 10, 11)
    ]
