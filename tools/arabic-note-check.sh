#!/usr/bin/env bash
# arabic-note-check.sh [OUT_DIR]
# Drives the window as an analyst with the Arabic keyboard layout first (setxkbmap -layout
# ara,us): labels a word, opens its note with the physical N key, pastes a mixed
# Arabic/Latin/digit note (xclip, Ctrl+V), reads the field back by OCR, clicks just past the
# first and the last word and types a letter at each, keeps the note (Ctrl+Enter), saves
# (Ctrl+S), checks the saved note, renders the same text in Chromium's <textarea dir="auto">
# for comparison, and opens the project again with HASHIYA_LANG=ar.
# Needs: xvfb openbox xdotool xclip imagemagick chromium tesseract-ocr tesseract-ocr-ara
# BIN=path/to/hashiya picks the binary (default: target/release/hashiya, then debug).
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/target/arabic-note}
bin=${BIN:-$repo/target/release/hashiya}
[ -x "$bin" ] || bin=$repo/target/debug/hashiya
[ -x "$bin" ] || { echo "build first (cargo build)"; exit 1; }
note='راجعت المصدر 3 مرات عبر BBC قبل 12 يوما'
rm -rf "$out"; mkdir -p "$out/home"
cp "$repo/projects/sample.ron" "$out/project.ron"
disp=:$((160 + RANDOM % 50))
Xvfb $disp -screen 0 1400x900x24 >/dev/null 2>&1 & xv=$!
sleep 1; export DISPLAY=$disp
openbox >/dev/null 2>&1 & wm=$!
app=
trap 'kill $app $wm $xv 2>/dev/null' EXIT
sleep 0.5
setxkbmap -layout ara,us
shot() { import -window root "$out/$1.png"; }
start() {
    HOME=$out/home "$@" "$bin" --annotator tester "$out/project.ron" >>"$out/app.log" 2>&1 & app=$!
    for _ in $(seq 1 100); do sleep 0.1; xdotool search --name Hashiya >/dev/null 2>&1 && break; done
    sleep 2
    win=$(xdotool search --name Hashiya | head -1)
    xdotool windowmove "$win" 0 0; xdotool windowactivate "$win" 2>/dev/null; sleep 0.5
}
start env
shot 1-opened
# Select the first words of the document by a drag on its first line, label them (1).
read -r wx wy ww wh < <(xdotool getwindowgeometry --shell "$win" | awk -F= '/^(X|Y|WIDTH|HEIGHT)=/{printf "%s ", $2}')
line_y=$((wy + ${LINE_Y:-150}))
xdotool mousemove $((wx + ww * 62 / 100)) $line_y mousedown 1 sleep 0.2 \
    mousemove $((wx + ww * 55 / 100)) $line_y sleep 0.2 mouseup 1
sleep 0.5
xdotool key 1; sleep 0.5
shot 2-labelled
# The physical N key types ى under the Arabic layout: it must open the note.
xdotool key Arabic_alefmaksura; sleep 0.8
shot 3-note-open
printf %s "$note" | xclip -selection clipboard
# Ctrl with the physical V key (ر under the Arabic layout) pastes.
xdotool key ctrl+Arabic_ra; sleep 0.8
shot 4-pasted
# The note field is in the middle of the window: read it by OCR and find its words.
cx=$((wx + ww / 2)); cy=$((wy + wh / 2)); echo "window $wx $wy $ww $wh"
convert "$out/4-pasted.png" -crop 700x260+$((cx - 350))+$((cy - 170)) +repage -resize 200% "$out/field.png"
tesseract "$out/field.png" "$out/field" -l ara+eng --psm 6 tsv >/dev/null 2>&1
# The note's line is the one where OCR reads BBC (the document behind has none).
read -r first_x last_x word_y maxr_x < <(awk -F'\t' 'NR>1 && $1==5 && $12!="" {k=$3" "$4" "$5; if ($12 ~ /BBC/) bbc[k]=1; x=$7; w=$9;
    if (!(k in maxr) || x+w>maxr[k]) {maxr[k]=x+w; fl[k]=x; fy[k]=$8+$10/2} if (!(k in minl) || x<minl[k]) minl[k]=x}
    END {for (k in bbc) {print fl[k], minl[k], fy[k], maxr[k]; exit}}' "$out/field.tsv")
if [ -z "${first_x:-}" ]; then echo "OCR found no note line; see $out/4-pasted.png"; exit 1; fi
# OCR boxes are in the doubled crop: back to screen points. "Past" a word in Arabic is to
# its left.
to_x() { echo $((cx - 350 + $1 / 2)); }
y=$((cy - 170 + word_y / 2))
# The note's line alone, read again: the words in reading order.
convert "$out/field.png" -crop $((maxr_x - last_x + 40))x$((word_y * 0 + 70))+$((last_x - 20))+$((word_y - 35)) +repage "$out/field-line.png"
echo "OCR of the note field: $(tesseract "$out/field-line.png" - -l ara+eng --psm 7 2>/dev/null)"
echo "clicks at x=$(( $(to_x "$first_x") - 2 )) and x=$(( $(to_x "$last_x") - 8 )), y=$y"
xdotool mousemove $(( $(to_x "$first_x") - 2 )) $y click 1; sleep 0.3
xdotool key Arabic_alef; sleep 0.3
shot 5-first-letter
xdotool mousemove $(( $(to_x "$last_x") - 8 )) $y click 1; sleep 0.3
xdotool key Arabic_beh; sleep 0.5
shot 5-typed
xdotool key ctrl+Return; sleep 0.5
xdotool key ctrl+Arabic_seen; sleep 1.5
shot 6-saved
saved=$(grep -o 'annotator: "tester"[^)]*note: Some("[^"]*")' "$out/project.ron" | head -1)
echo "saved: $saved"
expected="راجعتا المصدر 3 مرات عبر BBC قبل 12 يوماب"
case "$saved" in
    *"$expected"*) echo "OK: both letters are at their places" ;;
    *) echo "FAIL: expected $expected" ;;
esac
kill $app; sleep 0.5
# Chromium's rendering of the same text, for comparison.
printf '<html><body style="margin:40px"><textarea dir="auto" cols="40" rows="3" style="font-size:20px">%s</textarea></body></html>' "$note" >"$out/textarea.html"
chromium --headless --no-sandbox --disable-gpu --window-size=700,200 --screenshot="$out/chromium.png" "file://$out/textarea.html" >/dev/null 2>&1
echo "OCR of Chromium's textarea: $(tesseract "$out/chromium.png" - -l ara+eng --psm 7 2>/dev/null)"
# The Arabic interface.
start env HASHIYA_LANG=ar
shot 7-arabic
echo "screenshots in $out (look at them)"
