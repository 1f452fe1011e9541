<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnswerDialog</name>
    <message numerus="yes">
        <source>One answer for the %n selected remark(s).</source>
        <translation>
            <numerusform>One answer for the selected remark.</numerusform>
            <numerusform>One answer for the %n selected remarks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more remark</numerusform>
            <numerusform>and %n more remarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message numerus="yes">
        <source>%n meeting(s); + present, – absent, empty: not recorded.</source>
        <translation>
            <numerusform>%n meeting; + present, – absent, empty: not recorded.</numerusform>
            <numerusform>%n meetings; + present, – absent, empty: not recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftExportDialog</name>
    <message numerus="yes">
        <source>%n remark(s) selected</source>
        <translation>
            <numerusform>%n remark selected</numerusform>
            <numerusform>%n remarks selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n remark(s) selected</source>
        <translation>
            <numerusform>%n remark selected</numerusform>
            <numerusform>%n remarks selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}: %n remark(s).</source>
        <translation>
            <numerusform>Saved {file}: %n remark.</numerusform>
            <numerusform>Saved {file}: %n remarks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n of {total} remark(s) shown</source>
        <translation>
            <numerusform>%n of {total} remarks shown</numerusform>
            <numerusform>%n of {total} remarks shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>answer %n remark(s)</source>
        <translation>
            <numerusform>answer %n remark</numerusform>
            <numerusform>answer %n remarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answer saved for %n remark(s).</source>
        <translation>
            <numerusform>Answer saved for %n remark.</numerusform>
            <numerusform>Answer saved for %n remarks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answering %n remark(s)…</source>
        <translation>
            <numerusform>Answering %n remark…</numerusform>
            <numerusform>Answering %n remarks…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemarksPage</name>
    <message numerus="yes">
        <source>%n of {total} remark(s)</source>
        <translation>
            <numerusform>%n of {total} remarks</numerusform>
            <numerusform>%n of {total} remarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>Wrote {path}: %n change(s), {size} kB.</source>
        <translation>
            <numerusform>Wrote {path}: %n change, {size} kB.</numerusform>
            <numerusform>Wrote {path}: %n changes, {size} kB.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: {done} of %n bundle(s) were imported before it stopped; the rest changed nothing.</source>
        <translation>
            <numerusform>Import cancelled: {done} of %n bundle was imported before it stopped; nothing was changed.</numerusform>
            <numerusform>Import cancelled: {done} of %n bundles were imported before it stopped; the rest changed nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n bundle(s): {applied} changes applied, {refused} refused, {conflicts} conflicts, waiting: {held}.</source>
        <translation>
            <numerusform>Imported %n bundle: {applied} changes applied, {refused} refused, {conflicts} conflicts, waiting: {held}.</numerusform>
            <numerusform>Imported %n bundles: {applied} changes applied, {refused} refused, {conflicts} conflicts, waiting: {held}.</numerusform>
        </translation>
    </message>
</context>
</TS>
