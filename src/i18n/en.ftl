# English messages of the Hashiya window. Ids are shared with ar.ftl.

## Window commands (menu entries)
cmd-new-project = New project…
cmd-open = Open…
cmd-save = Save
cmd-save-as = Save as…
cmd-import-texts = Import texts…
cmd-import-folder = Import folder…
cmd-import-annotations = Import annotations (jsonl, doccano, Prodigy, brat, Label Studio)…
cmd-export = Export…
cmd-merge-colleague = Merge colleague's project…
cmd-undo = Undo
cmd-redo = Redo
cmd-redo-alt = Redo
cmd-next-document = Next document
cmd-previous-document = Previous document
cmd-next-span = Next span
cmd-previous-span = Previous span
cmd-mark-done = Mark document done
cmd-delete-span = Delete span
cmd-edit-note = Note on span…
cmd-search = Find…
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-reset = Reset zoom
cmd-edit-labels = Edit labels…
cmd-toggle-theme = Toggle dark theme
cmd-performance = Performance…
cmd-team-progress = Team progress…
cmd-pick-label = Pick a label…
cmd-guidelines = Guidelines
cmd-learn-from-spans = Learn from my spans
cmd-suggest-with-model = Suggest with the model in this document
cmd-suggest-with-model-all = Suggest with the model in all documents
cmd-most-uncertain-document = Go to the document the model is least sure of
cmd-next-undecided = Next undecided item
cmd-review-mode = Review mode
cmd-agreement = Agreement…
cmd-copy-selection = Copy
cmd-next-disagreement = Next disagreement
cmd-previous-disagreement = Previous disagreement
cmd-accept-first = Accept the first annotator's spans
cmd-accept-second = Accept the second annotator's spans
cmd-use-selection = Use the selection instead
cmd-reject-disagreement = Reject (nothing goes to gold)
cmd-move-end-left = Move span end left
cmd-move-end-right = Move span end right
cmd-move-start-left = Move span start left
cmd-move-start-right = Move span start right
cmd-suggest-document = Suggest in this document
cmd-suggest-all = Suggest in all documents
cmd-accept-suggestion = Accept the suggestion
cmd-reject-suggestion = Reject the suggestion
cmd-accept-all-of-label = Accept every suggestion of its label here
cmd-edit-patterns = Project patterns…
cmd-start-link = Link the selected span…
cmd-link-next-target = Link to the next span
cmd-link-previous-target = Link to the previous span
cmd-link-finish = Make the link (first type that fits)
cmd-link-cancel = Cancel the link
cmd-accept-agreed = Accept what all annotators agree on into gold

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-suggest = Suggest
menu-review = Review
menu-recent = Recent projects
menu-language = Language
language-arabic-digits = Arabic-Indic digits (٠١٢)

## Status bar
status-saving = Saving…
status-unsaved = Unsaved changes
status-unsaved-recovery = Unsaved changes (a recovery copy was written { $ago } to { $file })
status-autosave-failed = Autosave failed: { $error }
status-opened = Opened { $path } { $ago }
status-saved = Saved { $path } { $ago }
status-not-saved = Not saved to a file yet
status-no-project = No project open
status-annotator = Annotator: { $name }
status-selection = Selection { $start }..{ $end } ({ $count ->
    [one] { $count } char
   *[other] { $count } chars
})

## Times
time-seconds-ago = { $n } s ago
time-minutes-ago = { $n } min ago
time-hours-ago = { $n } h ago
time-just-now = just now

## Questions
ask-name-title = Who is annotating?
ask-name-body = Your name is recorded on every span you make.
ask-name-hint = your name
button-ok = OK
button-save = Save
button-cancel = Cancel
button-close = Close
discard-title = Unsaved changes
discard-body = The project has changes that are not saved.
discard-discard = Discard changes
recover-title = Recover unsaved work?
recover-body = Hashiya found work autosaved { $ago } that was never saved to the project.
recover-recover = Recover
recover-discard = Discard it
changed-title = The project file changed on disk
changed-body = Someone (another window, a colleague, git) changed the file since you opened it.
changed-overwrite = Overwrite it with my version
changed-elsewhere = Save mine elsewhere…
note-title = Note
note-on-span = On { $label }: “{ $text }”
note-save = Save note

## Search bar
search-find = Find
search-hint = word, with or without harakat
search-this-document = this document
search-all-documents = all documents
search-next = Next
search-hits = { $count ->
    [one] { $count } hit
   *[other] { $count } hits
}
search-place-hits = { $place } of { $count ->
    [one] { $count } hit
   *[other] { $count } hits
}

## Empty states
empty-no-project = Open a project (Ctrl+O) or drop a .ron file here.
empty-no-documents = This project has no documents yet: import texts with Ctrl+I or drop .txt files here.
review-mode-hint = Review mode: gold spans are filled; each annotator is underlined in their colour.
show-layers = Show layers:

## Documents in the list
documents-count = { $count ->
    [one] { $count } document
   *[other] { $count } documents
}

## What an edit needs first, and why it failed
error-no-project = Open or create a project first.
error-no-document = Open a document first.
error-no-annotator = Say who is annotating first.
error-reserved-name = "{ $name }" is the reviewed layer's name, not an annotator's; choose another name.
error-nothing-selected = Select some text first, then press the label's key.
error-no-span-selected = Select a span first (click it, or Tab).
error-no-such-span = That span is no longer there.
error-not-a-suggestion = Select a suggested span first (dashed outline; Tab moves to it).
error-not-reviewing = This works in review mode (Ctrl+R).
error-no-disagreement = No disagreement left on this document.
error-no-selection-for-decision = Select the text to accept instead, then press E.
error-not-linking = Press L with a span selected to start a link.
error-no-link-target = Pick the span to link to: click it, or press Tab.
error-link-to-itself = A span cannot be linked to itself; pick another.
error-link-exists = That link is already there.
error-no-relation-type = The project has no such relation type.
error-link-not-allowed = "{ $kind }" does not go from a { $head } to a { $tail }; pick another type or target.
error-no-type-fits = No relation type goes from a { $head } to a { $tail }; add one in Edit labels, or pick another target.
error-no-such-attribute = This span's label has no attribute "{ $name }".
error-bad-attribute-value = "{ $name }" takes a { $kind } value.
error-command = Could not apply the change: { $detail }
error-decision = Could not record the decision: { $detail }

## The span list
spans-heading = Spans ({ $count })
spans-empty = Select text, then press a label's key (1, 2, 3…) or click its button.
spans-link-target = link target
spans-suggested = suggested
spans-attribute-hint = Attribute; edit it above the list with the span selected
spans-link-from-this = Link from this span
spans-link-to-this = Link to this span
spans-delete = Delete
spans-delete-link-hint = Delete this link (undo brings it back)
spans-go-to-linked = Go to the linked span
spans-link-from = Link from
spans-link-to = to
spans-type-does-not-fit = This type does not link these two labels
spans-pick-target = Click the span to link to, or press Tab.
spans-cancel-link = Cancel (Esc)
spans-attributes-of = { $label } attributes
spans-label = Label
spans-relabel = Relabel
spans-note = Note
spans-link = Link
spans-link-hint = Link to another span
spans-accept = Accept
spans-reject = Reject

## Messages (toasts)
toast-wait-transfer = Wait until the import or export in progress has finished.
toast-wait-job = Wait until the job in progress has finished.
toast-pick-link-target = Pick the span to link to (click it, or Tab), then the type's key or Enter. Esc cancels.
toast-reload-failed = Could not reload the saved project: { $error }
toast-nothing-agreed = Nothing new that all annotators agree on here.
toast-accepted-agreed = Accepted { $count } spans and links all annotators agree on into gold (Ctrl+Z takes them back).
toast-accepted-suggestions = Accepted { $count } suggestions.
toast-closing = Closing once the save is written…
toast-open-failed = Could not open the project: { $error }
toast-recovered = Recovered the unsaved work. Save to keep it.
toast-recovery-failed = Could not read the autosave: { $error }
toast-create-failed = Could not create the project: { $error }
toast-save-failed = Could not save: { $error }
toast-save-failed-both = Could not save (the save asked after it was not made either): { $error }
toast-imported-documents = { $count ->
    [one] Imported { $count } document.
   *[other] Imported { $count } documents.
}
toast-import-needs-project = Open or create a project before importing annotations.
toast-exported = Exported { $documents } documents and { $spans } spans ({ $layers }) to { $path }
toast-imported-annotations = Imported { $files ->
    [one] { $files } annotation file
   *[other] { $files } annotation files
}; the report has { $lines } lines.
toast-no-suggestions = No new suggestions.
toast-suggestions-added = { $count } suggestions added (dashed): Y accepts, X rejects, Tab moves on.
toast-agreement-failed = Agreement failed: { $error }
toast-job-failed = { $job } failed: { $error }
toast-dismiss-all = Dismiss all
toast-details = Details…
toast-dismiss = Dismiss
toast-details-title = Details
toast-copy-all = Copy all

## The document list and the document's status
documents-heading = Documents
documents-assigned-to-me = Assigned to me
documents-done = { $done } / { $total } done
documents-shown = documents shown
documents-all = all
status-new = new
status-in-progress = in progress
status-done = done

## The label editor
labels-title = Labels
labels-name = Name
labels-colour = Colour
labels-key = Key
labels-delete = Delete
labels-delete-label = Delete label
labels-guideline = Guideline
labels-attributes = Attributes
labels-attributes-hint = What spans of this label carry, e.g. value: number, unit: text, counts: killed | injured | other, named: yes/no
labels-attributes-placeholder = value: number, unit: text
labels-spans-use = { $count ->
    [one] { $count } span uses “{ $name }”. Delete the label and that span?
   *[other] { $count } spans use “{ $name }”. Delete the label and those spans?
}
labels-delete-with-spans = Delete label and spans
labels-keep = Keep it
labels-add = Add label
labels-add-link-type = Add link type
labels-apply = Apply
labels-link-types = Link types
labels-link-types-hint = L links the selected span; the type's key picks the type
labels-delete-link-type = Delete link type
labels-from = From
labels-from-hint = Label ids the link starts from; empty for any
labels-to = To
labels-to-hint = Label ids the link points to; empty for any
labels-any = any
labels-error-no-name = Every label needs a name.
labels-error-type-no-name = Every link type needs a name.
labels-error-not-a-key = “{ $key }” can't be a hotkey: use a digit or a Latin letter.
labels-error-key-used = Key “{ $key }” is already used by “{ $command }”.
labels-error-key-twice = Key “{ $key }” is given to both “{ $first }” and “{ $second }”.

## Project patterns
patterns-title = Project patterns
patterns-intro = Phrases that suggest a label wherever they occur (harakat, tatweel and alef forms are ignored).
patterns-phrase = Phrase
patterns-add = Add pattern

## The file chooser
chooser-up = Up
chooser-up-hint = The folder above
chooser-folder = Folder:
chooser-file-name = File name:
chooser-nothing = Nothing to pick here.

## Background jobs and the export window
job-export = Export
job-import = Import
job-agreement = Agreement
job-suggest = Suggestions
job-exporting = Exporting { $format } to { $path }
job-importing = Importing annotations
job-computing-agreement = Computing agreement
job-suggesting = Suggesting { $labels }
job-starting = starting
job-progress = { $stage } { $done } of { $total }
export-title = Export
export-offsets = Offsets are Unicode code points over the stored text (Python str indices).
export-format = format
export-layer = layer
export-layer-default = gold if adjudicated, else every annotator
export-layer-gold = gold
export-labels = Labels:
export-documents = documents
export-any-status = any status
export-button = Export…

## Performance
performance-title = Performance
performance-intro = The last { $recent } frames ({ $total } drawn since the window opened). Times in milliseconds.
performance-count = count
performance-frame = Frame (ui)
performance-input = Input to frame
performance-total = Frame total
performance-notes = Frame: the app's work per frame. Input to frame: from a key or mouse event to the end of the frame that handled it. Frame total: with drawing. Set HASHIYA_FRAME_STATS=FILE to have these written to FILE on exit.
labels-error-attributes = Attributes of “{ $label }”: { $error }
labels-error-no-such-label = Link type “{ $name }”: there is no label “{ $id }” (use label ids: { $ids }).
labels-error-type-twice = Two link types are called “{ $id }”.
import-already = { $count ->
    [one] { $count } file was already in the project.
   *[other] { $count } files were already in the project.
}
import-refused = { $count ->
    [one] { $count } file was not imported.
   *[other] { $count } files were not imported.
}
import-already-line = Already imported: { $reason } — { $path }
import-refused-line = Not imported: { $reason } — { $path }
start-sample-failed = Could not write the sample project: { $error }

# learning (window)
learning-model-loaded = The model saved beside the project was read ({ $labels ->
    [one] { $labels } label
   *[other] { $labels } labels
}): Suggest > Suggest with the model. { $path }
learning-model-refused = The model beside the project was not used: { $error }
learning-labels-missing = The project has no label { $labels } of the model: spans of those labels are not suggested (add the labels to suggest them).
learning-model-not-saved = The model was learned but could not be saved beside the project: { $error }
learning-suggesting-title = Suggesting with the model
learning-suggesting-cancel = Cancel
learning-suggesting-cancelled = Suggesting cancelled; nothing was added.
learning-retrain-after = Train the model again after
learning-retrain-spans = new, accepted or rejected spans
learning-retrain-hint = Once a model exists, it is trained again in the background after this many new, accepted or rejected spans (0: never by itself).
documents-order = Order
documents-order-project = project order
documents-order-uncertain = most uncertain first
documents-order-uncertain-needs-model = Learn from your spans first (Suggest > Learn from my spans).
## Review panel
review-heading = Review
review-all-decided = Every item on this document is decided.
review-spans = { $count ->
    [one] { $count } span
   *[other] { $count } spans
}
review-links = { $count ->
    [one] { $count } link
   *[other] { $count } links
}
review-spans-and-links = { $spans } and { $links }
review-nothing-agreed = Nothing new that both annotators agree on here.
review-accepted = Accepted { $what } into gold (Ctrl+Z takes them back).
review-hint = { $undecided } next undecided · { $next }/{ $previous } next/previous · { $a } = { $first } · { $b } = { $second } · { $selection } use selection · { $reject } reject
review-legend-under = Under the text:
review-legend-slot = { $slot } = { $name }
review-legend-marks = · gold filled · current item outlined
review-as-key = as { $key }
review-you = { $name } (you)
review-own-layer = Your own layer is one of the two compared.
review-agreed-offer = { $what } { $first } and { $second } agree on: accept into gold?
review-accept-into-gold = Accept into gold ({ $key })
review-needs-two = Review compares two annotators; this project has fewer.
review-progress = { $items } items · { $decided } decided · { $remaining } remaining
review-gold-spans = { $count ->
    [one] { $count } gold span on this document
   *[other] { $count } gold spans on this document
}
review-decided = decided
review-undecided = undecided
review-item-gold = gold: { $count }
review-no-link = no link
review-name-value = { $name }: { $value }
review-nothing-from = { $name }: nothing
review-kind-label = same range, different label
review-kind-boundary = boundary mismatch
review-kind-only-in = only { $names }
review-kind-values = attributes differ
review-kind-links = links differ

## Guidelines
guidelines-title = Guidelines
guidelines-key = key { $key }
guidelines-attributes = attributes: { $list } (* required)
guidelines-any-label = any label
guidelines-joins = from { $from } to { $to }

## Label picker
picker-title = Pick a label
picker-hint = type to filter
picker-no-match = No label matches.

## Learning from the analyst's spans
learn-started = Learning from your spans in the background…
learn-cannot = Cannot learn: { $error }
learn-first = Learn from your spans first (Suggest > Learn from my spans).
learn-no-document-left = No other document left to annotate.
learn-no-suggestions = The model has no new suggestions.
learn-suggestions = { $count ->
    [one] { $count } suggestion from the model (dashed): Y accepts, X rejects, Tab moves on.
   *[other] { $count } suggestions from the model (dashed): Y accepts, X rejects, Tab moves on.
}
learn-progress-title = Learning from your spans
learn-labels = { $count ->
    [one] { $count } label
   *[other] { $count } labels
}
learn-trained = Learned { $labels } from { $spans ->
    [one] { $spans } span
   *[other] { $spans } spans
}: Suggest > Suggest with the model.
learn-cancelled = Learning cancelled; the previous model is kept.
learn-crashed = Learning stopped unexpectedly.

## Team progress
team-title = Team progress
team-refresh = Refresh
team-changed-since = (the project changed since)
team-summary = { $documents } documents, { $shared } shared by two annotators; { $missing } spans lack a required value
team-none-assigned = No document is assigned yet: hashiya assign FILE.ron --annotators a,b,c
team-done-per-day = Documents done per day
team-spans-per-label = Spans per label
team-agreement = Agreement on the shared documents (overlap F1)
team-missing = Spans without a required value
team-done-of = { $done } / { $assigned } done
team-never = never
team-annotator-figures = { $in_progress } in progress · { $untouched } untouched · { $spans } spans · active { $active } · last { $last }
team-nothing-done = No document is done yet.
team-bar-value = { $name }: { $count }
team-bar-label = { $name } { $label }: { $count }
team-pair = { $a } vs { $b }: { $documents } documents, overlap F1 { $f1 }, alpha_u { $alpha }
team-bin = F1 { $from }–{ $to }: { $count }
team-documents-series = documents
team-least-agreed = Least agreed first; click one to review it:
team-least-doc = { $doc } ({ $a } vs { $b }, { $f1 })
team-all-valued = Every span has its required values.
team-doc-count = { $doc } ({ $count })

## Agreement panel
agree-title = Agreement
agree-recompute = Recompute
agree-computing = Computing…
agree-summary = { $annotators } · { $documents } documents, { $compared } worked on by all of them · { $tokens } tokens · { $characters } characters · IoU ≥ { $iou }
agree-warnings = Warnings
agree-bars = Bars:
agree-bars-reading = (light beyond dark: same spans, other boundaries)
agree-spans = Spans
agree-across = Across all annotators
agree-links = Links
agree-figure-values = Figure values
agree-documents = Documents, least agreed first (click to review)
agree-value-of = { $value } ({ $same } of { $both })
agree-not-annotated-by = not annotated by { $names }
agree-pair = pair
agree-label = label
agree-docs = docs
agree-exact-f1 = exact F1
agree-overlap-f1 = overlap F1
agree-kappa = kappa
agree-alpha-u = alpha_u
agree-alpha-chars = alpha chars
agree-unmatched = unmatched a / b
agree-type = type
agree-a = a
agree-b = b
agree-matched = matched
agree-relation-f1 = relation F1
agree-matched-figures = matched figures
agree-both-valued = both valued
agree-same-value = same value
agree-value-agreement = value agreement
agree-valued-share = valued share
agree-document = document
agree-spans-column = spans
agree-tip-exact-f1 = Spans both marked with the same start, end and label (2 × matches / all spans). Well below overlap F1: the annotators find the same things but draw the boundaries differently.
agree-tip-overlap-f1 = Spans matched by label and overlap (IoU at the threshold). Low: the annotators find different things.
agree-tip-kappa = Cohen's kappa over tokens: agreement on each word's label beyond chance. 1 is full agreement, 0 chance.
agree-tip-alpha-u = Krippendorff's unitizing alpha: where spans begin and end, and their labels, beyond chance. ≥ 0.8 reliable; 0.667–0.8 only for tentative conclusions; below 0.667 not reliable. The figure to report.
agree-tip-alpha-chars = Krippendorff's alpha over characters (each labelled or not): the same thresholds as alpha_u; a boundary off by one character costs one character.
agree-tip-unmatched = Spans of each annotator with no overlap match on the other side.
agree-tip-documents = Documents both worked on (marked done, or with a span of theirs): the figures are computed over these only.
agree-tip-relation-f1 = Links whose two ends are matched spans and whose types agree (2 × matches / all links).
agree-tip-value-agreement = Of the matched figures both gave a value, the share with the same value.
agree-tip-valued-share = Of the matched figures, the share both gave a value: low means values are missing, not that they differ.
agree-tip-bar = Light: overlap F1. Dark: exact F1. The light part beyond the dark is spans found alike but bounded differently.
toast-more = and { $count } more

## File dialogs and the window's own chooser
dialog-open-project = Open project
dialog-new-project = New project
dialog-save-project-as = Save project as
dialog-import-texts = Import texts
dialog-import-folder = Import a folder of texts
dialog-import-annotations = Import annotations
dialog-merge = Merge colleagues' projects
dialog-export-folder = Export to folder
dialog-export-file = Export to file
filter-project = Hashiya project
filter-text = Text
filter-annotations = Annotations
filter-export = Export
chooser-cannot-open = Cannot open { $path }: { $error }
chooser-no-such-folder = No such folder: { $path }
chooser-pick-first = Pick a file first.
chooser-type-name-first = Type a file name first.
chooser-already-exists = { $path } already exists: OK again replaces it.
chooser-folders = Folders
chooser-folders-and-all = Folders and all files
chooser-folders-and = Folders and { $kinds } files

## Label editor, more
labels-error-attribute-no-name = “{ $item }” has no name
labels-error-not-a-kind = “{ $kind }” is not a kind: use number, text, yes/no or a | b | c
labels-error-attribute-twice = “{ $name }” is declared twice
labels-new-label = Label { $n }
labels-new-link-type = Link { $n }

## Document view
doc-suggested-hover = { $name } — suggested ({ $rule }): Y accepts, X rejects
dialog-unavailable = The system's file dialog is not available: { $problem }. Hashiya's own file chooser is used instead. For the system's dialogs, install the XDG desktop portal with a backend (on Debian and Ubuntu: xdg-desktop-portal and xdg-desktop-portal-gtk).
portal-no-bus = there is no D-Bus session bus to reach the desktop portal ({ $error })
portal-not-running = the XDG desktop portal (org.freedesktop.portal.Desktop) is not installed or not running
portal-no-chooser = the XDG desktop portal has no file chooser ({ $error })
portal-no-answer = the desktop portal did not answer within 5 seconds

## Merging colleagues' projects
toast-merge-unreadable = Could not read the colleague's project: { $error }
toast-merged = Merged { $count } annotator documents from { $from }
toast-merged-unmatched = Merged { $count } annotator documents from { $from }; { $unmatched } of their documents have a text this project lacks (not merged)
job-stage-reading = reading
job-stage-importing = importing
job-stage-exporting = exporting
job-stage-suggesting = suggesting

# errors of project files, imports, edits and jobs, as the window shows them
store-io = { $action ->
    [read] Cannot read { $path }: { $error }
    [inspect] Cannot look at { $path }: { $error }
    [write] Cannot write { $path }: { $error }
    [create] Cannot create { $path }: { $error }
    [temporary] Cannot create a temporary file beside { $path }: { $error }
    [lock] Cannot lock { $path }: { $error }
    [backup] Cannot keep the backup of { $path }: { $error }
    [flush] Cannot write { $path } through to the disk: { $error }
    [remove] Cannot remove { $path }: { $error }
    [replace] Cannot replace { $path }: { $error }
    [permissions] Cannot set the permissions of { $path }: { $error }
   *[other] Cannot use { $path }: { $error }
}
store-input = Cannot read { $path }: { $error }
store-not-regular = { $path } is not a regular file; it was not replaced.
store-read-only = { $path } is read-only; it was not replaced (make it writable first).
store-parse = { $path }, line { $line }, column { $col }: not a valid project file: { $message }
store-newer-version = { $path } has format version { $found }, but this Hashiya reads versions up to { $supported }; open it with a newer Hashiya (the file was not changed).
store-unknown-version = { $path }: format version { $found } is not a known project format version.
store-invalid = { $count ->
    [one] { $path }: the project is inconsistent ({ $count } problem); it was not loaded:
   *[other] { $path }: the project is inconsistent ({ $count } problems); it was not loaded:
}
store-unsavable = { $count ->
    [one] { $path }: not saved, the project is inconsistent ({ $count } problem); the file was not changed:
   *[other] { $path }: not saved, the project is inconsistent ({ $count } problems); the file was not changed:
}
store-locked = { $seconds ->
    [one] { $path } is locked by another Hashiya (an import, a merge, suggestions or a window saving) and was still locked after { $seconds } second; try again when it has finished.
   *[other] { $path } is locked by another Hashiya (an import, a merge, suggestions or a window saving) and was still locked after { $seconds } seconds; try again when it has finished.
}
store-changed-on-disk = { $path } was changed on disk since it was opened; it was not overwritten (reload it, or save with overwrite).
store-already-exists = { $path } already exists; it was not overwritten.
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-storage-full = the disk is full
io-read-only-filesystem = the disk is read-only
io-invalid-data = the data is not valid
input-not-regular = { $what ->
    [device] it is a device, not a regular file; only regular files are read
    [pipe] it is a named pipe, not a regular file; only regular files are read
    [socket] it is a socket, not a regular file; only regular files are read
    [folder] it is a folder, not a regular file; only regular files are read
   *[other] it is not a regular file; only regular files are read
}
input-too-large = the file is { $size } bytes, over the limit of { $limit } bytes (1 GiB)
skip-unreadable = cannot read it: { $error }
skip-invalid-utf8 = not UTF-8 text (invalid byte at offset { $offset }); save it as UTF-8 and import it again
skip-utf16 = UTF-16 text is not supported; save it as UTF-8 and import it again
skip-binary = looks binary (NUL byte at offset { $offset }), not a text file
skip-empty = holds no text (empty, or only white space and invisible characters)
skip-duplicate = same text as document "{ $doc }", already in the project
skip-unsupported = not a file this import reads: { $detail }
command-no-document = there is no document "{ $doc }"
command-no-span = there is no span { $id } in the { $layer } layer of document "{ $doc }"
command-duplicate-span = span id { $id } is already used
command-bad-range = span { $start }..{ $end } does not fit the document ({ $len } code points)
command-no-label = there is no label "{ $label }"
command-duplicate-label = label "{ $label }" already exists
command-label-in-use = { $count ->
    [one] label "{ $label }" is still used by { $count } span
   *[other] label "{ $label }" is still used by { $count } spans
}
command-hotkey-clash = key { $key } is already used by "{ $other }"
command-duplicate-document = document id "{ $doc }" is already used
command-no-relation = there is no link { $id } in the { $layer } layer of document "{ $doc }"
command-duplicate-relation = link id { $id } is already used
command-bad-relation = a link needs two spans of the layer: { $detail }
command-no-relation-type = there is no link type "{ $kind }"
command-relation-type-in-use = { $count ->
    [one] link type "{ $kind }" is still used by { $count } link
   *[other] link type "{ $kind }" is still used by { $count } links
}
command-duplicate-relation-type = link type id "{ $kind }" is used twice
command-bad-attribute = { $detail }
command-link-not-allowed = a "{ $kind }" link cannot go from a "{ $head }" span to a "{ $tail }" span
command-attributes-in-use = { $count ->
    [one] { $count } span labelled "{ $label }" holds attribute values the changed label would not accept; change or clear them first
   *[other] { $count } spans labelled "{ $label }" hold attribute values the changed label would not accept; change or clear them first
}
command-links-not-allowed = { $count ->
    [one] { $count } "{ $kind }" link joins labels the changed type would not allow; remove it first
   *[other] { $count } "{ $kind }" links join labels the changed type would not allow; remove them first
}
decision-no-document = there is no document "{ $doc }"
decision-not-under-review = "{ $name }" is not one of the annotators under review
decision-not-for-links = links and attribute values are decided with A, B or R, not with a selection
decision-no-gold-span = the spans of this decision are not in the gold layer yet: accept what both agree on first (G)
format-unknown-import = { $path }: not a file format that can be imported (jsonl, doccano, Prodigy, brat, Label Studio json)
format-no-gold = the project has no gold layer yet (no reviewed spans); export an annotator's layer instead
job-cancelled = cancelled
job-crashed = the background job stopped unexpectedly
agreement-unknown-annotator = there is no annotator "{ $name }" in the project
agreement-too-few = { $count ->
    [one] agreement needs at least two annotators; there is { $count }
   *[other] agreement needs at least two annotators; there are { $count }
}
agreement-listed-twice = annotator "{ $name }" is listed twice
agreement-bad-threshold = the IoU threshold must lie between 0 and 1, not { $value }
attribute-kind = { $kind ->
    [number] number
    [text] text
    [choice] choice
   *[flag] yes/no
}
import-summary-annotations = annotations
import-summary = { $format }: { $records } documents read, { $added } added, { $matched } already in the project; { $spans } spans added, { $duplicates } already present
import-summary-relations = { $added } links added, { $duplicates } already present
import-summary-relation-types = new link types added: { $names }
import-summary-attributes = new attributes declared: { $names }
import-summary-labels = new labels added: { $names }
import-summary-utf16 = { $count ->
    [one] { $count } span had UTF-16 offsets, converted to code points
   *[other] { $count } spans had UTF-16 offsets, converted to code points
}
import-summary-ignored = { $count ->
    [one] { $count } event or other entry that is not a span left out
   *[other] { $count } events or other entries that are not spans left out
}
import-summary-problem = skipped: { $problem }
learn-error-no-annotator = the project has no annotator "{ $name }" (annotators: { $known })
learn-error-ambiguous = the reviewed layer is empty and several annotators have spans ({ $names }); learn from one annotator's spans
learn-error-no-spans = there are no spans to learn from (no reviewed spans and no annotator's own spans)
learn-error-unknown-label = the project has no label "{ $label }"
learn-error-too-many-labels = { $count } labels are more than the learner handles (64)
format-project = project file { $path }: { $message }
format-unknown-label = the project has no label "{ $label }" (labels: { $known })
