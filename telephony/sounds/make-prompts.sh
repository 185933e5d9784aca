#!/usr/bin/env bash
# Generates the robot-call prompts as 8 kHz, 16-bit, mono WAV files (what Asterisk's format_wav
# plays without transcoding) from text, with espeak-ng (speech) and sox (resampling).
#
#   apt-get install -y espeak-ng sox      # Debian/Ubuntu packages
#   telephony/sounds/make-prompts.sh      # rewrites zh/custom/*.wav and en/custom/*.wav
#
# Layout (Asterisk 22 with the default languageprefix=yes in asterisk.conf): the dialplan plays
# "custom/<name>"; for a channel whose language is L, Asterisk looks for
#   sounds/L/custom/<name>.wav, then sounds/custom/<name>.wav, then sounds/en/custom/<name>.wav.
# So the Chinese prompts live in zh/custom/ and the English ones in en/custom/; docker-compose.yml
# mounts each at /var/lib/asterisk/sounds/<lang>/custom. The channel language comes from the
# PJSIP endpoint (language=zh on the trunk in pjsip.conf) or, for Local channels, from
# asterisk.conf's defaultlanguage (en unless changed).
#
# These synthetic voices are for trials. A bank records its prompts with a professional voice
# (and has the wording approved by compliance): save them as 8 kHz 16-bit mono WAV under the
# same names, e.g.  sox studio.wav -r 8000 -c 1 -b 16 zh/custom/robot-offer.wav
set -euo pipefail

cd "$(dirname "$0")"

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y espeak-ng sox)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# make <lang folder> <espeak voice> <words per minute> <name> <text>
make() {
    local lang=$1 voice=$2 speed=$3 name=$4 text=$5
    mkdir -p "$lang/custom"
    espeak-ng -v "$voice" -s "$speed" -w "$tmp/$name.wav" "$text"
    # -R: repeatable (same dither every run, so regenerating does not churn the committed files)
    sox -R "$tmp/$name.wav" -r 8000 -c 1 -b 16 -e signed-integer "$lang/custom/$name.wav" norm -3
    echo "$lang/custom/$name.wav"
}

# Chinese (Mandarin): espeak-ng voice cmn
make zh cmn 190 robot-offer '您好，这里是您的开户银行。您的客户经理想和您联系。现在与客户经理通话，请按1；通过短信接收详情，请按2；今后不再接听此类电话，请按9。'
make zh cmn 190 sms-sent    '好的，详情将通过短信发送给您。感谢您的接听，再见。'
make zh cmn 190 optout-ok   '好的，今后我们不会再给您拨打此类电话。再见。'
make zh cmn 190 goodbye     '感谢您的接听，再见。'

# English
make en en 160 robot-offer 'Hello, this is your bank. Your relationship manager would like to speak with you. To talk to your manager now, press 1. To receive the details by text message, press 2. To stop these calls, press 9.'
make en en 160 sms-sent    'Thank you. The details will be sent to you by text message. Goodbye.'
make en en 160 optout-ok   'Thank you. You will not receive these calls again. Goodbye.'
make en en 160 goodbye     'Thank you for your time. Goodbye.'
