"""Who spoke when. Two-mic: each microphone's own voice, cross-talk rejected. Single-mic: see singlemic.py."""

from __future__ import annotations

import logging
from typing import Mapping

from .options import AnalysisOptions
from .types import Audio, Diarization, Precomputed, Span, SpeechRegion
from .vad import FRAME_S, mask_to_spans, own_voice_activity, silero_speech

log = logging.getLogger(__name__)


def overlaps_of(regions: list[SpeechRegion]) -> tuple[Span, ...]:
    """Stretches where two or more speakers talk at once (a sweep over region edges)."""
    edges = sorted([(r.start, 1) for r in regions] + [(r.end, -1) for r in regions], key=lambda e: (e[0], e[1]))
    spans, active, opened = [], 0, 0.0
    for t, step in edges:
        before = active
        active += step
        if before < 2 <= active:
            opened = t
        elif before >= 2 > active and t > opened:
            spans.append(Span(round(opened, 3), round(t, 3)))
    return tuple(spans)


# A click or a breath picked up as a voice before anyone talks must not make its "speaker" the first to
# speak (one dialogue's partner became S2, and so the listener, behind a 0.24 s blip at 0.02 s).
FIRST_SPEECH_MIN_S = 0.4


def first_speech(spans_by_key: Mapping) -> dict:
    """When each speaker first says something: the start of their first stretch of speech at least
    ``FIRST_SPEECH_MIN_S`` long (of their first stretch, if all are shorter)."""
    first = {}
    for key, spans in spans_by_key.items():
        spans = sorted(spans, key=lambda s: s.start)
        if spans:
            first[key] = next((s.start for s in spans if s.end - s.start >= FIRST_SPEECH_MIN_S), spans[0].start)
    return first


def name_speakers(regions_by_key: dict, first_speech: dict) -> dict:
    """Speaker ids S1, S2, … in order of who speaks first: 'first'/'second' then mean what they say."""
    order = sorted(regions_by_key, key=lambda k: first_speech[k])
    return {key: f"S{i + 1}" for i, key in enumerate(order)}


def diarize_two_mic(audio: Audio, options: AnalysisOptions, prior: Precomputed | None = None) -> Diarization:
    prior = prior or Precomputed()
    speech = [silero_speech(audio.samples[c], known=prior.speech[c] if prior.speech else ()) for c in range(2)]
    active = own_voice_activity(
        audio.samples, options.crosstalk_db, options.min_speech_s, speech, prior.leak_fit, prior.energy
    )
    spans = {c: mask_to_spans(active[c], FRAME_S) for c in range(2)}
    heard = {c: s for c, s in spans.items() if s}
    first = first_speech(heard)
    names = name_speakers(heard, first)
    regions = sorted(
        (SpeechRegion(names[c], float(s.start), float(s.end)) for c, ss in heard.items() for s in ss),
        key=lambda r: (r.start, r.end),
    )
    notes = []
    for c in range(2):
        if c not in heard:
            notes.append(f"no speech of its own on the {'left' if c == 0 else 'right'} channel")
    return Diarization(
        mode="two-mic",
        speakers=tuple(names[c] for c in sorted(heard, key=lambda c: first[c])),
        regions=tuple(regions),
        overlaps=overlaps_of(regions),
        channel_of={names[c]: c for c in heard},
        notes=tuple(notes),
    )
