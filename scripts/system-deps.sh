#!/bin/sh
# System packages for the tests that record through PortAudio (PulseAudio null sink) and drive a real
# browser, and the text-to-speech voices the benchmark's tests use. Installed with apt-get where we may; otherwise those tests skip and say why.
need=""
command -v pulseaudio >/dev/null 2>&1 || need="$need pulseaudio"
command -v pactl >/dev/null 2>&1 || need="$need pulseaudio-utils"
[ -e /usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so ] || [ -e /usr/lib/aarch64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so ] || need="$need libasound2-plugins"
ldconfig -p 2>/dev/null | grep -q libportaudio.so.2 || need="$need libportaudio2"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v espeak-ng >/dev/null 2>&1 || need="$need espeak-ng"
command -v flite >/dev/null 2>&1 || need="$need flite"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages for the tests:$need"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need) >/tmp/coach-system-deps.log 2>&1 \
        || echo "could not install$need (see /tmp/coach-system-deps.log); the tests that need them will skip"
else
    echo "missing system packages:$need — the tests that need them will skip (install them with your package manager)"
fi
exit 0
