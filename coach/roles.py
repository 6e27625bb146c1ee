"""Who is practising: the listener, their partner, anyone else."""

from __future__ import annotations

from typing import Mapping

from .errors import CoachError
from .types import Role

LISTENER_CHOICES = "first, second, left, right, auto or a speaker id (S1, S2, …)"


def resolve_listener(
    spec: str,
    speakers: tuple[str, ...],
    channel_of: Mapping[str, int],
    enrolled_match: str | None,
) -> tuple[str | None, str]:
    """The listener's speaker id (None when nobody spoke) and a sentence on how it was chosen.

    ``speakers`` are in order of first speech; ``enrolled_match`` is the speaker whose voice matches
    the profile saved by ``coach enroll`` (None without a profile).
    """
    if not speakers:
        return None, "nobody spoke"
    spec = spec.strip().lower()
    if spec == "auto":
        if enrolled_match is not None:
            return enrolled_match, f"listener {enrolled_match}: the voice matches your enrolled profile"
        spec = "second"
        fallback = "no voice profile (run `coach enroll`), so the listener is the second speaker"
    else:
        fallback = ""
    if spec in ("first", "second"):
        index = 0 if spec == "first" else 1
        if index >= len(speakers):
            return speakers[0], f"only one speaker was heard; taken as the listener ({speakers[0]})"
        note = fallback or f"listener {speakers[index]}: the {spec} person to speak"
        return speakers[index], note
    if spec in ("left", "right"):
        channel = 0 if spec == "left" else 1
        if not channel_of:
            raise CoachError(f"--listener {spec} needs a two-mic recording; this one is single-mic (use first or second)")
        for speaker, c in channel_of.items():
            if c == channel:
                return speaker, f"listener {speaker}: the {spec} microphone"
        raise CoachError(f"nobody spoke into the {spec} microphone; choose {LISTENER_CHOICES}")
    for speaker in speakers:
        if speaker.lower() == spec:
            return speaker, f"listener {speaker}: chosen by id"
    raise CoachError(f"unknown listener '{spec}': choose {LISTENER_CHOICES}")


def assign_roles(speakers: tuple[str, ...], listener: str | None, talk: Mapping[str, float]) -> dict[str, Role]:
    """The partner is whoever of the others talked most; anyone else is 'other'."""
    roles: dict[str, Role] = {s: "other" for s in speakers}
    if listener is None:
        return roles
    roles[listener] = "listener"
    others = [s for s in speakers if s != listener]
    if others:
        roles[max(others, key=lambda s: talk.get(s, 0.0))] = "partner"
    return roles
