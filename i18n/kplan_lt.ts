<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt_LT" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About KPlan Desktop</source>
        <extracomment>Written into the build by build.spec, beside the program&apos;s other data files. &quot;YYYY-MM-DD HH:MM UTC&quot; of a packaged build; &quot;&quot; when run from source.</extracomment>
        <translation>Apie KPlan Desktop</translation>
    </message>
    <message>
        <source>development copy (run from source)</source>
        <translation>kūrimo kopija (paleista iš šaltinio kodo)</translation>
    </message>
    <message>
        <source>KPlan Desktop {version}</source>
        <translation>KPlan Desktop {version}</translation>
    </message>
    <message>
        <source>Offline review of a strategic development plan by its working groups.</source>
        <translation>Strateginio plėtros plano svarstymas darbo grupėse be interneto.</translation>
    </message>
    <message>
        <source>Version: {version}</source>
        <translation>Versija: {version}</translation>
    </message>
    <message>
        <source>Built: {date}</source>
        <translation>Sukurta: {date}</translation>
    </message>
    <message>
        <source>Qt: {qt} (PySide6 {pyside})</source>
        <translation>Qt: {qt} (PySide6 {pyside})</translation>
    </message>
    <message>
        <source>Python: {python}</source>
        <translation>Python: {python}</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer remarks</source>
        <extracomment>How many of the selected remarks the list names; the rest are counted.</extracomment>
        <translation>Atsakyti į pastabas</translation>
    </message>
    <message>
        <source>Answer remark</source>
        <translation>Atsakyti į pastabą</translation>
    </message>
    <message numerus="yes">
        <source>One answer for the %n selected remark(s).</source>
        <translation>
            <numerusform>Vienas atsakymas %n pasirinktai pastabai.</numerusform>
            <numerusform>Vienas atsakymas %n pasirinktoms pastaboms.</numerusform>
            <numerusform>Vienas atsakymas %n pasirinktų pastabų.</numerusform>
        </translation>
    </message>
    <message>
        <source>The remark answered</source>
        <translation>Atsakoma pastaba</translation>
    </message>
    <message>
        <source>The remarks answered</source>
        <translation>Atsakomos pastabos</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nėra)</translation>
    </message>
    <message>
        <source>The decision and its reasons (needed when rejecting)</source>
        <translation>Sprendimas ir jo motyvai (būtini, kai neatsižvelgiama)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Būsena:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>Šablo&amp;nas:</translation>
    </message>
    <message>
        <source>&amp;Response:</source>
        <translation>&amp;Atsakymas:</translation>
    </message>
    <message>
        <source>&amp;Keep this response as a template…</source>
        <translation>Išsaugoti šį atsakymą &amp;kaip šabloną…</translation>
    </message>
    <message>
        <source>Save &amp;answer</source>
        <translation>&amp;Išsaugoti atsakymą</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Pastaba</translation>
    </message>
    <message>
        <source>Proposed change</source>
        <translation>Siūlomas pakeitimas</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ir dar %n pastaba</numerusform>
            <numerusform>ir dar %n pastabos</numerusform>
            <numerusform>ir dar %n pastabų</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnswersImport</name>
    <message>
        <source>Answer in the file</source>
        <translation>Atsakymas faile</translation>
    </message>
    <message>
        <source>Answers written: {count}.</source>
        <translation>Įrašyta atsakymų: {count}.</translation>
    </message>
    <message>
        <source>In the plan now: {answer}</source>
        <translation>Dabar plane: {answer}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Skaitomi atsakymai…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>Take the file&apos;s answer</source>
        <translation>Imti failo atsakymą</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kas</translation>
    </message>
    <message>
        <source>Writing the answers…</source>
        <translation>Rašomi atsakymai…</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>neįskaitoma</translation>
    </message>
    <message>
        <source>changed answer</source>
        <translation>pakeistas atsakymas</translation>
    </message>
    <message>
        <source>conflict: answered differently in the plan since the file was made</source>
        <translation>nesutapimas: parengus failą, plane atsakyta kitaip</translation>
    </message>
    <message>
        <source>import the answers in {name}</source>
        <translation>atsakymų iš {name} importas</translation>
    </message>
    <message>
        <source>new answer</source>
        <translation>naujas atsakymas</translation>
    </message>
    <message>
        <source>not a remark of this plan</source>
        <translation>ne šio plano pastaba</translation>
    </message>
    <message>
        <source>row {line}</source>
        <translation>{line} eilutė</translation>
    </message>
    <message>
        <source>row {line}: {reason}</source>
        <translation>{line} eilutė: {reason}</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>pakeista būsena</translation>
    </message>
</context>
<context>
    <name>AnswersImportDialog</name>
    <message>
        <source>Import the answers in {name}</source>
        <translation>Atsakymų iš {name} importas</translation>
    </message>
    <message>
        <source>New answers: {new}; changed answers: {changed}; status changes: {status}; unchanged: {same}; conflicts: {conflicts}; rows not in this plan: {unknown}; rows that cannot be read: {problems}. Nothing is changed until you import; the import can be undone as one step.</source>
        <translation>Naujų atsakymų: {new}; pakeistų atsakymų: {changed}; pakeistų būsenų: {status}; nepakitusių: {same}; nesutapimų: {conflicts}; ne šio plano eilučių: {unknown}; neįskaitomų eilučių: {problems}. Kol neimportuosite, niekas nekeičiama; importą galima atšaukti vienu žingsniu.</translation>
    </message>
    <message>
        <source>A conflict keeps the plan&apos;s answer unless you tick “Take the file&apos;s answer”.</source>
        <translation>Nesutapus paliekamas plano atsakymas, nebent pažymėsite „Imti failo atsakymą“.</translation>
    </message>
    <message>
        <source>What the file would change</source>
        <translation>Ką failas pakeistų</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importuoti</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance: {group}</source>
        <extracomment>A sheet was written: its path.</extracomment>
        <translation>Posėdžių lankomumas: {group}</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Metai:</translation>
    </message>
    <message>
        <source>XLSX &amp;language:</source>
        <translation>XLSX &amp;kalba:</translation>
    </message>
    <message>
        <source>&amp;Save as XLSX…</source>
        <translation>&amp;Išsaugoti kaip XLSX…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Uždaryti</translation>
    </message>
    <message>
        <source>No meetings in {year}.</source>
        <translation>{year} m. posėdžių nebuvo.</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s); + present, – absent, empty: not recorded.</source>
        <translation>
            <numerusform>%n posėdis; + dalyvavo, – nedalyvavo, tuščia – nepažymėta.</numerusform>
            <numerusform>%n posėdžiai; + dalyvavo, – nedalyvavo, tuščia – nepažymėta.</numerusform>
            <numerusform>%n posėdžių; + dalyvavo, – nedalyvavo, tuščia – nepažymėta.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the attendance sheet as</source>
        <translation>Išsaugoti posėdžių lankomumą kaip</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel darbaknygės (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>Išsaugota: {file}.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Rašoma į {file}…</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Member</source>
        <extracomment>The columns before the meetings, and the one after them.</extracomment>
        <translation>Narys</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Pareigos</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Dalyvavo posėdžių</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Dalyvavo</translation>
    </message>
    <message>
        <source>present</source>
        <translation>dalyvavo</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nedalyvavo</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Group</source>
        <translation>Darbo grupė</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Iš viso</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipas</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Plano dalis</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Neatsakytos</translation>
    </message>
    <message>
        <source>Review round</source>
        <translation>Svarstymo etapas</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Baigiasi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Būklė</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>terminas pasibaigęs</translation>
    </message>
    <message>
        <source>Remarks by group and status</source>
        <translation>Pastabos pagal darbo grupes ir būsenas</translation>
    </message>
    <message>
        <source>Remarks by type</source>
        <translation>Pastabos pagal tipą</translation>
    </message>
    <message>
        <source>Open remarks per review round</source>
        <translation>Neatsakytos pastabos pagal svarstymo etapus</translation>
    </message>
    <message>
        <source>Sections with the most remarks</source>
        <translation>Plano dalys, kuriose daugiausia pastabų</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(be grupės)</translation>
    </message>
    <message>
        <source>Past their closing date with open remarks: {rounds}</source>
        <translation>Terminas pasibaigęs, liko neatsakytų pastabų: {rounds}</translation>
    </message>
</context>
<context>
    <name>DraftExportDialog</name>
    <message>
        <source>Export the draft with remarks</source>
        <translation>Eksportuoti projektą su pastabomis</translation>
    </message>
    <message>
        <source>Document &amp;language</source>
        <translation>Dokumento ka&amp;lba</translation>
    </message>
    <message numerus="yes">
        <source>%n remark(s) selected</source>
        <translation>
            <numerusform>Pasirinkta %n pastaba</numerusform>
            <numerusform>Pasirinktos %n pastabos</numerusform>
            <numerusform>Pasirinkta %n pastabų</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the draft as</source>
        <translation>Išsaugoti projektą kaip</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word dokumentai (*.docx)</translation>
    </message>
</context>
<context>
    <name>DraftImportDialog</name>
    <message>
        <source>Import the draft {name}</source>
        <extracomment>(section or item, before) per row.</extracomment>
        <translation>Importuoti plano projektą {name}</translation>
    </message>
    <message>
        <source>Sections added: {added}; changed: {changed}; removed: {removed}; unchanged: {unchanged}. Nothing is changed until you import; the import can be undone as one step.</source>
        <translation>Plano dalių pridėta: {added}; pakeista: {changed}; pašalinta: {removed}; nepakeista: {unchanged}. Kol neimportuosite, niekas nepasikeis; importą galima atšaukti vienu žingsniu.</translation>
    </message>
    <message>
        <source>This draft is the plan as it is; there is nothing to import.</source>
        <translation>Šis projektas sutampa su dabartiniu planu; nėra ką importuoti.</translation>
    </message>
    <message>
        <source>Removed sections are kept with their remarks, marked removed, and left out of new draft exports.</source>
        <translation>Pašalintos plano dalys išsaugomos kartu su jų pastabomis, pažymimos kaip pašalintos ir neįtraukiamos į naujai eksportuojamus projektus.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importuoti</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Pridėta</translation>
    </message>
    <message>
        <source>Before, or where</source>
        <translation>Buvo arba kur</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Pakeista</translation>
    </message>
    <message>
        <source>Imported {name}. Sections added: {added}; changed: {changed}; removed: {removed}. Remarks on text that changed: {flagged}.</source>
        <translation>Importuotas {name}. Plano dalių pridėta: {added}; pakeista: {changed}; pašalinta: {removed}. Pastabų apie pasikeitusį tekstą: {flagged}.</translation>
    </message>
    <message>
        <source>Importing the draft…</source>
        <translation>Importuojamas plano projektas…</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Perkelta</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>Neišsaugota</translation>
    </message>
    <message>
        <source>Reading the draft…</source>
        <translation>Skaitomas plano projektas…</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Pašalinta</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Pervadinta</translation>
    </message>
    <message>
        <source>Renumbered</source>
        <translation>Pernumeruota</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Atkurta</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Plano dalis</translation>
    </message>
    <message>
        <source>before the first heading</source>
        <translation>prieš pirmąją antraštę</translation>
    </message>
    <message>
        <source>equation</source>
        <translation>formulė</translation>
    </message>
    <message>
        <source>image</source>
        <translation>paveikslas</translation>
    </message>
    <message>
        <source>import the draft {name}</source>
        <translation>plano projekto {name} importas</translation>
    </message>
    <message>
        <source>now under {parent}</source>
        <translation>dabar po {parent}</translation>
    </message>
    <message>
        <source>remarks on it: {n}; kept out of new drafts</source>
        <translation>pastabų apie ją: {n}; į naujus projektus neįtraukiama</translation>
    </message>
    <message>
        <source>removed by an earlier draft</source>
        <translation>pašalinta ankstesniame projekte</translation>
    </message>
    <message>
        <source>table of contents</source>
        <translation>turinys</translation>
    </message>
    <message>
        <source>text before the first heading</source>
        <translation>tekstas prieš pirmąją antraštę</translation>
    </message>
    <message>
        <source>text box</source>
        <translation>teksto laukas</translation>
    </message>
    <message>
        <source>{what} ({n})</source>
        <translation>{what} ({n})</translation>
    </message>
    <message>
        <source>{what} ×{n}</source>
        <translation>{what} ×{n}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Show all remar&amp;ks</source>
        <translation>Rodyti visas pa&amp;stabas</translation>
    </message>
    <message>
        <source>Nothing found for {search}</source>
        <translation>Nieko nerasta pagal {search}</translation>
    </message>
    <message>
        <source>No remark matches these filters.</source>
        <translation>Pagal šiuos filtrus pastabų nerasta.</translation>
    </message>
    <message>
        <source>There are no remarks yet.</source>
        <translation>Pastabų dar nėra.</translation>
    </message>
</context>
<context>
    <name>EndMembershipDialog</name>
    <message>
        <source>End membership</source>
        <translation>Baigti narystę</translation>
    </message>
    <message>
        <source>{name} leaves {group}. Their remarks and the attendance of past meetings stay in the records.</source>
        <translation>{name} palieka grupę „{group}“. Nario pastabos ir dalyvavimas ankstesniuose posėdžiuose lieka įrašuose.</translation>
    </message>
    <message>
        <source>&amp;Last day (Iki):</source>
        <translation>&amp;Paskutinė narystės diena (iki):</translation>
    </message>
    <message>
        <source>&amp;End membership</source>
        <translation>&amp;Baigti narystę</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the consolidated remarks</source>
        <extracomment>Of the screen&apos;s free area, how much the dialog may take when it opens. Emitted when a file has been written: its path and how many remarks it holds.</extracomment>
        <translation>Eksportuoti pastabų ir pasiūlymų suvestinę</translation>
    </message>
    <message>
        <source>Which remarks</source>
        <extracomment>The count of a file completely written, set by the worker (a cancel may come late).</extracomment>
        <translation>Kurios pastabos</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>Visas planas</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formatas</translation>
    </message>
    <message numerus="yes">
        <source>%n remark(s) selected</source>
        <translation>
            <numerusform>Pasirinkta %n pastaba</numerusform>
            <numerusform>Pasirinktos %n pastabos</numerusform>
            <numerusform>Pasirinkta %n pastabų</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF failai (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word dokumentai (*.docx)</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Išsaugoti suvestinę kaip</translation>
    </message>
    <message>
        <source>Choose a file to write the report to.</source>
        <translation>Pasirinkite failą, į kurį rašyti suvestinę.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Rašoma {file}…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Sustabdyti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Nuo</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>I&amp;ki</translation>
    </message>
    <message>
        <source>Sectio&amp;n (with subsections)</source>
        <translation>Plano &amp;dalis (su poskyriais)</translation>
    </message>
    <message>
        <source>&amp;Working groups</source>
        <translation>Darbo &amp;grupės</translation>
    </message>
    <message>
        <source>Review &amp;rounds</source>
        <translation>Svarstymo &amp;etapai</translation>
    </message>
    <message>
        <source>&amp;Authors</source>
        <translation>&amp;Autoriai</translation>
    </message>
    <message>
        <source>&amp;Statuses</source>
        <translation>&amp;Būsenos</translation>
    </message>
    <message>
        <source>&amp;Types</source>
        <translation>&amp;Tipai</translation>
    </message>
    <message>
        <source>&amp;PDF (to file)</source>
        <translation>&amp;PDF (archyvui)</translation>
    </message>
    <message>
        <source>&amp;DOCX (to work in, Word)</source>
        <translation>D&amp;OCX (darbui, Word)</translation>
    </message>
    <message>
        <source>&amp;XLSX (answers come back)</source>
        <translation>&amp;XLSX (atsakymams grąžinti)</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>Ataskaitos ka&amp;lba</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pa&amp;sirinkti…</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>Ekspo&amp;rtuoti</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Uždaryti</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel darbaknygės (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}: %n remark(s).</source>
        <translation>
            <numerusform>Išsaugota {file}: %n pastaba.</numerusform>
            <numerusform>Išsaugota {file}: %n pastabos.</numerusform>
            <numerusform>Išsaugota {file}: %n pastabų.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped; no file was written.</source>
        <translation>Eksportas sustabdytas; failas neįrašytas.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stabdoma…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search remarks (Ctrl+F)</source>
        <translation>Ieškoti pastabų (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search remarks</source>
        <translation>Ieškoti pastabų</translation>
    </message>
    <message>
        <source>Finds remarks whose words begin with what you type, in their text, proposal, justification, quoted passage and response</source>
        <translation>Randa pastabas, kurių žodžiai prasideda tuo, ką rašote: tekste, pasiūlyme, pagrindime, cituotoje ištraukoje ir atsakyme</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Darbo grupė</translation>
    </message>
    <message>
        <source>Review round</source>
        <translation>Svarstymo etapas</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autorius</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Plano dalis</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Iš&amp;valyti atranką</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Visos grupės</translation>
    </message>
    <message>
        <source>All rounds</source>
        <translation>Visi etapai</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Visi tipai</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Visos būsenos</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Visi autoriai</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>Visas planas</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Rename group</source>
        <translation>Pervadinti grupę</translation>
    </message>
    <message>
        <source>New working group</source>
        <translation>Nauja darbo grupė</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kodas:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Pavadinimas:</translation>
    </message>
    <message>
        <source>&amp;Save group</source>
        <translation>&amp;Išsaugoti grupę</translation>
    </message>
    <message>
        <source>&amp;Add group</source>
        <translation>P&amp;ridėti grupę</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of {section}</source>
        <translation>{section}: istorija</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>When, who</source>
        <translation>Kada, kas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Redakcijos</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Palyginti</translation>
    </message>
    <message>
        <source>with</source>
        <translation>su</translation>
    </message>
    <message>
        <source>Differences between the two revisions</source>
        <translation>Dviejų redakcijų skirtumai</translation>
    </message>
    <message>
        <source>Title then</source>
        <translation>Pavadinimas tada</translation>
    </message>
    <message>
        <source>Title now</source>
        <translation>Pavadinimas dabar</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Identity</source>
        <extracomment>Fingerprint groups per line: two lines of five groups of four digits.</extracomment>
        <translation>Tapatybė</translation>
    </message>
    <message>
        <source>This copy signs everything you write with its own key. When someone trusts your key, read them the fingerprint below over the phone; when you trust theirs, ask them to open this page and read you theirs.</source>
        <extracomment>Asks where to save the public key (a test sets it); None: nothing is written.</extracomment>
        <translation>Ši kopija viską, ką rašote, pasirašo savo raktu. Kai kitas asmuo tvirtina jūsų raktą, telefonu perskaitykite šiam asmeniui žemiau esantį atpažinimo kodą; kai tvirtinate kito asmens raktą, paprašykite atverti šį puslapį ir perskaityti savąjį.</translation>
    </message>
    <message>
        <source>(no e-mail)</source>
        <translation>(el. pašto nėra)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Vardas ir pavardė:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>El. paštas:</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Lytis</translation>
    </message>
    <message>
        <source>&amp;Gender (for role words):</source>
        <translation>&amp;Lytis (pareigų pavadinimams):</translation>
    </message>
    <message>
        <source>Gender (for role words):</source>
        <translation>Lytis (pareigų pavadinimams):</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Įrenginys:</translation>
    </message>
    <message>
        <source>Fingerprint of this copy&apos;s key:</source>
        <translation>Šios kopijos rakto atpažinimo kodas:</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Atpažinimo kodas</translation>
    </message>
    <message>
        <source>&amp;Copy the fingerprint</source>
        <translation>&amp;Kopijuoti atpažinimo kodą</translation>
    </message>
    <message>
        <source>E&amp;xport the public key…</source>
        <translation>&amp;Eksportuoti viešąjį raktą…</translation>
    </message>
    <message>
        <source>The private key is kept in this computer&apos;s keyring ({name}).</source>
        <translation>Privatusis raktas laikomas šio kompiuterio slaptažodžių saugykloje ({name}).</translation>
    </message>
    <message>
        <source>the system&apos;s</source>
        <translation>sistemos</translation>
    </message>
    <message>
        <source>No keyring works here: the private key is kept in a file locked with your passphrase: {path}</source>
        <translation>Slaptažodžių saugykla čia neveikia: privatusis raktas laikomas jūsų slaptafraze užrakintame faile: {path}</translation>
    </message>
    <message>
        <source>A demo plan&apos;s key is made from the demo itself: it has no secret to keep.</source>
        <translation>Demonstracinio plano raktas sudaromas iš paties plano: saugotinos paslapties jame nėra.</translation>
    </message>
    <message>
        <source>The private key of this copy is not on this computer: bundles cannot be signed here.</source>
        <translation>Šios kopijos privačiojo rakto šiame kompiuteryje nėra: duomenų paketų čia pasirašyti negalima.</translation>
    </message>
    <message>
        <source>The fingerprint was copied.</source>
        <translation>Atpažinimo kodas nukopijuotas.</translation>
    </message>
    <message>
        <source>The public key was saved in {path}.</source>
        <translation>Viešasis raktas išsaugotas: {path}.</translation>
    </message>
    <message>
        <source>Save the public key as</source>
        <translation>Išsaugoti viešąjį raktą kaip</translation>
    </message>
    <message>
        <source>Public keys (*.pem)</source>
        <translation>Viešieji raktai (*.pem)</translation>
    </message>
</context>
<context>
    <name>JoinPlanDialog</name>
    <message>
        <source>Join a plan from a bundle</source>
        <translation>Prisijungti prie plano iš duomenų paketo</translation>
    </message>
    <message>
        <source>Your group&apos;s secretary sends a full bundle of the plan. Your copy gets its own signing key; if the secretary already added you with this e-mail, you get the roles given there.</source>
        <translation>Jūsų darbo grupės sekretorius atsiunčia visą plano duomenų paketą. Jūsų kopija gauna savo pasirašymo raktą; jei sekretorius jau įtraukė jus su šiuo el. pašto adresu, gausite ten nurodytas pareigas.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>Pa&amp;sirinkti…</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pasi&amp;rinkti…</translation>
    </message>
    <message>
        <source>&amp;Bundle:</source>
        <translation>&amp;Duomenų paketas:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Jūsų &amp;vardas ir pavardė:</translation>
    </message>
    <message>
        <source>Your &amp;e-mail:</source>
        <translation>Jūsų &amp;el. paštas:</translation>
    </message>
    <message>
        <source>Keep the plan in &amp;file:</source>
        <translation>Laikyti planą &amp;faile:</translation>
    </message>
    <message>
        <source>&amp;Join the plan</source>
        <translation>Prisi&amp;jungti prie plano</translation>
    </message>
    <message>
        <source>The bundle of the plan</source>
        <translation>Plano duomenų paketas</translation>
    </message>
    <message>
        <source>KPlan bundles (*.kplanbundle)</source>
        <translation>KPlan duomenų paketai (*.kplanbundle)</translation>
    </message>
    <message>
        <source>Where to keep the plan</source>
        <translation>Kur laikyti planą</translation>
    </message>
    <message>
        <source>KPlan workspaces (*.kplan)</source>
        <translation>KPlan darbo failai (*.kplan)</translation>
    </message>
</context>
<context>
    <name>JoinedFemale</name>
    <message>
        <source>You joined the plan. The bundle was signed by {name}, fingerprint {fingerprint}: check it with them.</source>
        <translation>Prisijungėte prie plano. Duomenų paketą pasirašė {name}, atpažinimo kodas {fingerprint}: pasitikrinkite jį su pasirašiusiąja.</translation>
    </message>
</context>
<context>
    <name>JoinedMale</name>
    <message>
        <source>You joined the plan. The bundle was signed by {name}, fingerprint {fingerprint}: check it with them.</source>
        <translation>Prisijungėte prie plano. Duomenų paketą pasirašė {name}, atpažinimo kodas {fingerprint}: pasitikrinkite jį su pasirašiusiuoju.</translation>
    </message>
</context>
<context>
    <name>JoinedUnspecified</name>
    <message>
        <source>You joined the plan. The bundle was signed by {name}, fingerprint {fingerprint}: check it with them.</source>
        <translation>Prisijungėte prie plano. Duomenų paketą pasirašė {name}, atpažinimo kodas {fingerprint}: pasitikrinkite jį su pasirašiusiu asmeniu.</translation>
    </message>
</context>
<context>
    <name>KPlanError</name>
    <message>
        <source>A change is stamped {days} days in the future; the sender&apos;s clock is wrong.</source>
        <translation>Pakeitimo laikas – {days} d. ateityje; siuntėjo kompiuterio laikrodis rodo neteisingai.</translation>
    </message>
    <message>
        <source>A fingerprint has 40 digits; {text!r} does not.</source>
        <translation>Atpažinimo kodą sudaro 40 simbolių; {text!r} – ne.</translation>
    </message>
    <message>
        <source>A group needs a code and a name.</source>
        <translation>Darbo grupei reikia kodo ir pavadinimo.</translation>
    </message>
    <message>
        <source>A membership cannot end ({until}) before it starts ({since}).</source>
        <translation>Narystė negali baigtis ({until}) anksčiau, nei prasideda ({since}).</translation>
    </message>
    <message>
        <source>A new plan needs a title: add --title.</source>
        <translation>Naujam planui reikia pavadinimo: nurodykite --title.</translation>
    </message>
    <message>
        <source>A person needs a name.</source>
        <translation>Asmeniui reikia vardo ir pavardės.</translation>
    </message>
    <message>
        <source>A rejected or partly accepted remark needs a response giving the reasons.</source>
        <translation>Kai į pastabą neatsižvelgiama arba atsižvelgiama iš dalies, atsakyme reikia nurodyti motyvus.</translation>
    </message>
    <message>
        <source>A remark cannot go from “{old}” to “{new}”.</source>
        <translation>Pastabos būsenos negalima pakeisti iš „{old}“ į „{new}“.</translation>
    </message>
    <message>
        <source>A remark is too large to lay out on a page.</source>
        <translation>Pastaba per ilga, kad tilptų puslapyje.</translation>
    </message>
    <message>
        <source>A remark that has been answered can no longer be edited.</source>
        <translation>Pastabos, į kurią jau atsakyta, taisyti nebegalima.</translation>
    </message>
    <message>
        <source>A remark that has been answered can no longer be withdrawn.</source>
        <translation>Pastabos, į kurią jau atsakyta, atsiimti nebegalima.</translation>
    </message>
    <message>
        <source>A review round cannot close before it opens.</source>
        <translation>Svarstymo etapas negali baigtis anksčiau, nei prasideda.</translation>
    </message>
    <message>
        <source>A section of this change is no longer in the plan.</source>
        <translation>Vienos šio pakeitimo plano dalies plane nebėra.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Eksportas atšauktas; failas neįrašytas.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importas atšauktas; niekas nepakeista.</translation>
    </message>
    <message>
        <source>More than one person has the e-mail {text}; name them by id.</source>
        <translation>El. pašto adresą {text} turi daugiau nei vienas asmuo; nurodykite asmens identifikatorių.</translation>
    </message>
    <message>
        <source>Name a new person by their e-mail address.</source>
        <translation>Naują asmenį nurodykite jo el. pašto adresu.</translation>
    </message>
    <message>
        <source>No bundle has come from the key {fp} yet; export with --full for a new peer.</source>
        <translation>Iš rakto {fp} dar negautas joks duomenų paketas; naujam adresatui eksportuokite su --full.</translation>
    </message>
    <message>
        <source>No keyring is available to keep the signing key; set {env} to a passphrase to keep it in an encrypted key file instead.</source>
        <translation>Nėra raktinės, kurioje būtų galima laikyti pasirašymo raktą; nurodykite slaptafrazę kintamajame {env}, ir raktas bus laikomas šifruotame rakto faile.</translation>
    </message>
    <message>
        <source>None of the remarks in {name} is a remark of this plan: it was made from another plan or reshaped; nothing was changed.</source>
        <translation>Nė viena {name} pastaba nėra šio plano pastaba: failas padarytas iš kito plano arba pertvarkytas; niekas nepakeista.</translation>
    </message>
    <message>
        <source>Nothing to change: add --date, --place, --agenda, --minutes, --decisions, --present or --absent.</source>
        <translation>Nėra ką keisti: nurodykite --date, --place, --agenda, --minutes, --decisions, --present arba --absent.</translation>
    </message>
    <message>
        <source>Nothing to change: add --name, --mandate, --archive or --unarchive.</source>
        <translation>Nėra ką keisti: nurodykite --name, --mandate, --archive arba --unarchive.</translation>
    </message>
    <message>
        <source>Only a group&apos;s secretary or chair can add people.</source>
        <translation>Asmenis gali pridėti tik darbo grupės sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>Only a group&apos;s secretary or chair imports the consultants&apos; answers; nothing was changed.</source>
        <translation>Konsultantų atsakymus importuoja tik grupės sekretorius arba pirmininkas; niekas nepakeista.</translation>
    </message>
    <message>
        <source>Only members of a working group can write remarks.</source>
        <translation>Pastabas gali rašyti tik darbo grupių nariai.</translation>
    </message>
    <message>
        <source>Only secretaries and chairs keep response templates.</source>
        <translation>Atsakymų šablonus tvarko tik sekretoriai ir pirmininkai.</translation>
    </message>
    <message>
        <source>Only the author can withdraw a remark.</source>
        <translation>Pastabą atsiimti gali tik jos autorius.</translation>
    </message>
    <message>
        <source>Only the group&apos;s secretary or chair can change its records.</source>
        <translation>Grupės dokumentus keisti gali tik jos sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>Only the secretary or chair of one of this person&apos;s groups can change their record.</source>
        <translation>Asmens duomenis keisti gali tik vienos iš jo darbo grupių sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>Only the secretary or chair of the coordination group can change this.</source>
        <translation>Tai keisti gali tik koordinacinės darbo grupės sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>Only the secretary or chair of the remark&apos;s group can answer remarks.</source>
        <translation>Į pastabas atsakyti gali tik pastabos darbo grupės sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>Only the secretary or chair of the responsible group can change this section.</source>
        <translation>Šią plano dalį keisti gali tik atsakingos darbo grupės sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>Say which format to write: add --format docx or --format pdf.</source>
        <translation>Nurodykite formatą: --format docx arba --format pdf.</translation>
    </message>
    <message>
        <source>Say which group: add --group CODE.</source>
        <translation>Nurodykite darbo grupę: pridėkite --group KODAS.</translation>
    </message>
    <message>
        <source>Say whose key this is: a key is trusted for one person.</source>
        <translation>Nurodykite, kieno tai raktas: raktu pasitikima tik kaip vieno asmens raktu.</translation>
    </message>
    <message>
        <source>Several people are called “{name}”; give the person&apos;s id.</source>
        <translation>Keli asmenys vadinasi „{name}“; nurodykite asmens identifikatorių.</translation>
    </message>
    <message>
        <source>Some of the text has a broken character in it; type or paste it again.</source>
        <translation>Tekste yra sugadintas simbolis; įrašykite arba įklijuokite tekstą dar kartą.</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation>Sustabdyta; niekas nepakeista.</translation>
    </message>
    <message>
        <source>That is this copy&apos;s own key; it cannot be revoked here.</source>
        <translation>Tai šios kopijos raktas; čia jo atšaukti negalima.</translation>
    </message>
    <message>
        <source>That key is already trusted for someone else.</source>
        <translation>Šiuo raktu jau pasitikima kaip kito asmens raktu.</translation>
    </message>
    <message>
        <source>That person is this copy&apos;s own user, who has a key already.</source>
        <translation>Šis asmuo yra šios kopijos naudotojas, kuris jau turi raktą.</translation>
    </message>
    <message>
        <source>The attendance sheet is an XLSX file: name it FILE.xlsx.</source>
        <translation>Lankomumo lapas yra XLSX failas: pavadinkite jį FAILAS.xlsx.</translation>
    </message>
    <message>
        <source>The author has withdrawn this remark meanwhile.</source>
        <translation>Autorius tuo metu šią pastabą atsiėmė.</translation>
    </message>
    <message>
        <source>The date range ends before it starts.</source>
        <translation>Laikotarpis baigiasi anksčiau, nei prasideda.</translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again.</source>
        <translation>Diskas pilnas; atlaisvinkite vietos ir bandykite dar kartą.</translation>
    </message>
    <message>
        <source>The disk is full; {path} was not written.</source>
        <translation>Diskas pilnas; {path} neįrašytas.</translation>
    </message>
    <message>
        <source>The event log of device {device} has a gap; it cannot be exported.</source>
        <translation>Įrenginio {device} įvykių žurnale trūksta įrašų; jo eksportuoti negalima.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Aplanko {folder} nėra.</translation>
    </message>
    <message>
        <source>The key file {path} does not hold a signing key.</source>
        <translation>Rakto faile {path} nėra pasirašymo rakto.</translation>
    </message>
    <message>
        <source>The passphrase of the signing key is wrong.</source>
        <translation>Pasirašymo rakto slaptafrazė neteisinga.</translation>
    </message>
    <message>
        <source>The plan changed since this draft was previewed; preview it again.</source>
        <translation>Planas pasikeitė po šio projekto peržiūros; peržiūrėkite jį dar kartą.</translation>
    </message>
    <message>
        <source>The plan needs a title.</source>
        <translation>Planui reikia pavadinimo.</translation>
    </message>
    <message>
        <source>The quoted passage does not occur in the section&apos;s text.</source>
        <translation>Cituojamos ištraukos plano dalies tekste nėra.</translation>
    </message>
    <message>
        <source>The remark is empty; write what you want to say.</source>
        <translation>Pastaba tuščia; parašykite, ką norite pasakyti.</translation>
    </message>
    <message>
        <source>The signing key of this copy is not on this computer (device {device}).</source>
        <translation>Šios kopijos pasirašymo rakto šiame kompiuteryje nėra (įrenginys {device}).</translation>
    </message>
    <message>
        <source>The signing key on this computer is not this copy&apos;s key.</source>
        <translation>Šiame kompiuteryje esantis pasirašymo raktas nėra šios kopijos raktas.</translation>
    </message>
    <message>
        <source>The workspace changed since the preview; run the import again.</source>
        <translation>Po peržiūros darbo failas pasikeitė; importuokite dar kartą.</translation>
    </message>
    <message>
        <source>The workspace {path} could not be read or written ({reason}).</source>
        <translation>Darbo failo {path} nepavyko perskaityti ar įrašyti ({reason}).</translation>
    </message>
    <message>
        <source>The workspace {path} failed: {reason}.</source>
        <translation>Darbo failo {path} klaida: {reason}.</translation>
    </message>
    <message>
        <source>The workspace {path} is already open in another KPlan window; switch to that window, or close it and try again.</source>
        <translation>Darbo failas {path} jau atidarytas kitame KPlan lange; pereikite į tą langą arba jį uždarykite ir bandykite dar kartą.</translation>
    </message>
    <message>
        <source>The workspace {path} is busy in another program; close it there and try again.</source>
        <translation>Darbo failą {path} naudoja kita programa; uždarykite jį ten ir bandykite dar kartą.</translation>
    </message>
    <message>
        <source>The workspace {path} is damaged; restore it from a backup copy.</source>
        <translation>Darbo failas {path} sugadintas; atkurkite jį iš atsarginės kopijos.</translation>
    </message>
    <message>
        <source>The workspace {path} is open read-only.</source>
        <translation>Darbo failas {path} atidarytas tik skaityti.</translation>
    </message>
    <message>
        <source>The workspace {path} is read-only; copy it to a folder you can write to.</source>
        <translation>Darbo failą {path} galima tik skaityti; nukopijuokite jį į aplanką, į kurį galite rašyti.</translation>
    </message>
    <message>
        <source>There is already a group with the code {code}.</source>
        <translation>Darbo grupė su kodu {code} jau yra.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>Failo {path} nėra.</translation>
    </message>
    <message>
        <source>There is no group with the code {code}.</source>
        <translation>Darbo grupės su kodu {code} nėra.</translation>
    </message>
    <message>
        <source>There is no meeting {id} in this plan.</source>
        <translation>Šiame plane nėra posėdžio {id}.</translation>
    </message>
    <message>
        <source>There is no person called “{name}” in this plan.</source>
        <translation>Šiame plane nėra asmens „{name}“.</translation>
    </message>
    <message>
        <source>There is no person {text} in this plan.</source>
        <translation>Šiame plane nėra asmens {text}.</translation>
    </message>
    <message>
        <source>There is no person {who} in this plan.</source>
        <translation>Šiame plane nėra asmens {who}.</translation>
    </message>
    <message>
        <source>There is no person {who} in this plan; add --name to add them as a new person.</source>
        <translation>Šiame plane nėra asmens {who}; nurodykite --name, ir jis bus pridėtas kaip naujas asmuo.</translation>
    </message>
    <message>
        <source>There is no remark {id} in this plan.</source>
        <translation>Šiame plane nėra pastabos {id}.</translation>
    </message>
    <message>
        <source>There is no review round called “{name}”.</source>
        <translation>Svarstymo etapo „{name}“ nėra.</translation>
    </message>
    <message>
        <source>There is no section with the code {code} in this plan.</source>
        <translation>Šiame plane nėra plano dalies su kodu {code}.</translation>
    </message>
    <message>
        <source>There is no such group in this plan.</source>
        <translation>Šiame plane tokios grupės nėra.</translation>
    </message>
    <message>
        <source>There is no such group.</source>
        <translation>Tokios grupės nėra.</translation>
    </message>
    <message>
        <source>There is no such meeting.</source>
        <translation>Tokio posėdžio nėra.</translation>
    </message>
    <message>
        <source>There is no such membership.</source>
        <translation>Tokios narystės nėra.</translation>
    </message>
    <message>
        <source>There is no such person in this plan.</source>
        <translation>Šiame plane tokio asmens nėra.</translation>
    </message>
    <message>
        <source>There is no such section in this plan.</source>
        <translation>Šiame plane tokios plano dalies nėra.</translation>
    </message>
    <message>
        <source>There is no workspace at {path}.</source>
        <translation>Darbo failo {path} nėra.</translation>
    </message>
    <message>
        <source>This copy has no valid public key to export.</source>
        <translation>Ši kopija neturi tinkamo viešojo rakto, kurį būtų galima eksportuoti.</translation>
    </message>
    <message>
        <source>This person is already a member of the group; change their membership instead.</source>
        <translation>Šis asmuo jau yra darbo grupės narys; verčiau pakeiskite jo narystę.</translation>
    </message>
    <message>
        <source>This section has no conflict to resolve (any longer).</source>
        <translation>Šioje plano dalyje nėra (nebėra) nesutapimo, kurį reikėtų išspręsti.</translation>
    </message>
    <message>
        <source>This section was removed from the latest draft; write the remark on the section that took its place.</source>
        <translation>Ši plano dalis pašalinta iš naujausio projekto; pastabą rašykite apie ją pakeitusią plano dalį.</translation>
    </message>
    <message>
        <source>Two headings in {name} are numbered {code} (“{first}” and “{second}”); each section needs its own number.</source>
        <translation>Dvi {name} antraštės pažymėtos numeriu {code} („{first}“ ir „{second}“); kiekvienam skyriui reikia savo numerio.</translation>
    </message>
    <message>
        <source>Writing {path} would overwrite the workspace {workspace}; choose another file.</source>
        <translation>Įrašant {path} būtų perrašytas darbo failas {workspace}; pasirinkite kitą failą.</translation>
    </message>
    <message>
        <source>a change to a withdrawn remark</source>
        <translation>atsiimtos pastabos pakeitimas</translation>
    </message>
    <message>
        <source>a change to {entity}.{field}, which cannot be changed</source>
        <translation>{entity}.{field} pakeitimas, nors to keisti negalima</translation>
    </message>
    <message>
        <source>a remark changed after it was answered</source>
        <translation>pastaba pakeista jau po to, kai į ją atsakyta</translation>
    </message>
    <message>
        <source>{name} claims to come from a device that signs with another key; it is refused.</source>
        <translation>{name} nurodo esąs iš įrenginio, kuris pasirašo kitu raktu; jis atmestas.</translation>
    </message>
    <message>
        <source>{name} claims to come from another person than the one its key belongs to; it is refused.</source>
        <translation>{name} nurodo esąs ne nuo to asmens, kuriam priklauso jo raktas; jis atmestas.</translation>
    </message>
    <message>
        <source>{name} could not be read ({reason}).</source>
        <translation>{name} nepavyko perskaityti ({reason}).</translation>
    </message>
    <message>
        <source>{name} declares XML entities, which Office files never do; it is not read.</source>
        <translation>{name} skelbia XML esybes, kurių „Office“ failai niekada neturi; jis neskaitomas.</translation>
    </message>
    <message>
        <source>{name} declares XML entities, which Word documents never do; it was not read.</source>
        <translation>{name} skelbia XML esybes, kurių „Word“ dokumentai niekada neturi; jis neperskaitytas.</translation>
    </message>
    <message>
        <source>{name} has more than {limit} rows; it is not read.</source>
        <translation>{name}: daugiau nei {limit} eilučių; failas neskaitomas.</translation>
    </message>
    <message>
        <source>{name} has more than {limit} rows; split it.</source>
        <translation>{name} turi daugiau nei {limit} eilučių; padalykite jį.</translation>
    </message>
    <message>
        <source>{name} has more than {limit} sheets; it is not read.</source>
        <translation>{name}: daugiau nei {limit} lapų; failas neskaitomas.</translation>
    </message>
    <message>
        <source>{name} has more than {n} paragraphs; it cannot be a plan&apos;s draft, and nothing was imported.</source>
        <translation>{name}: daugiau nei {n} pastraipų; tai negali būti plano projektas, todėl niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} has more than {n} pieces of formatting and text; it cannot be a plan&apos;s draft, and nothing was imported.</source>
        <translation>{name}: daugiau nei {n} formatavimo ir teksto dalių; tai negali būti plano projektas, todėl niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} has no header row naming the columns (Vardas Pavardė or Name, El. paštas or E-mail, Organizacija, Pareigos or Role); it was not read.</source>
        <translation>{name} neturi antraštės eilutės su stulpelių pavadinimais (Vardas Pavardė arba Name, El. paštas arba E-mail, Organizacija, Pareigos arba Role); jis neperskaitytas.</translation>
    </message>
    <message>
        <source>{name} has no headings; mark the sections with heading styles (Heading 1, 2, 3…) and import it again.</source>
        <translation>{name} neturi antraščių; pažymėkite skyrius antraščių stiliais (Antraštė 1, 2, 3…) ir importuokite dar kartą.</translation>
    </message>
    <message>
        <source>{name} has no sheet.</source>
        <translation>{name} neturi nė vieno lapo.</translation>
    </message>
    <message>
        <source>{name} has no table with the remark&apos;s number, status and answer columns: it was reshaped beyond recognition, so nothing was read from it.</source>
        <translation>{name}: nėra lentelės su pastabos numerio, būsenos ir atsakymo stulpeliais: failas pertvarkytas neatpažįstamai, todėl iš jo nieko neperskaityta.</translation>
    </message>
    <message>
        <source>{name} holds a key of another kind than KPlan&apos;s signing keys.</source>
        <translation>{name} turi kitos rūšies raktą nei KPlan pasirašymo raktai.</translation>
    </message>
    <message>
        <source>{name} holds a tag longer than Office files ever write; it is not read.</source>
        <translation>{name} turi ilgesnę žymę, nei „Office“ failai kada nors rašo; jis neskaitomas.</translation>
    </message>
    <message>
        <source>{name} holds a tag longer than Word ever writes; it cannot be a plan&apos;s draft, and nothing was imported.</source>
        <translation>{name} turi ilgesnę žymę, nei „Word“ kada nors rašo; tai negali būti plano projektas, todėl niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} holds more than {n} different texts; it is not read.</source>
        <translation>{name}: daugiau nei {n} skirtingų tekstų; failas neskaitomas.</translation>
    </message>
    <message>
        <source>{name} holds more than {n} million characters of text; it is not read.</source>
        <translation>{name}: daugiau nei {n} mln. teksto ženklų; failas neskaitomas.</translation>
    </message>
    <message>
        <source>{name} holds more than {n} rows, cells and pieces of text; it is not read.</source>
        <translation>{name}: daugiau nei {n} eilučių, langelių ir teksto dalių; failas neskaitomas.</translation>
    </message>
    <message>
        <source>{name} holds no public key.</source>
        <translation>{name} neturi viešojo rakto.</translation>
    </message>
    <message>
        <source>{name} holds too many files to be a plan&apos;s draft.</source>
        <translation>{name} turi per daug failų, kad būtų plano projektas.</translation>
    </message>
    <message>
        <source>{name} holds too many parts to be a report or a table; it is not read.</source>
        <translation>{name} turi per daug dalių, kad būtų ataskaita ar lentelė; jis neskaitomas.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file.</source>
        <translation>{name} yra aplankas, o ne failas.</translation>
    </message>
    <message>
        <source>{name} is damaged (its contents do not unpack as they should); nothing was imported.</source>
        <translation>{name} sugadintas (jo turinys neišpakuojamas taip, kaip turėtų); niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} is damaged: it cannot be opened.</source>
        <translation>{name} sugadintas: jo neįmanoma atverti.</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} bytes.</source>
        <translation>{name} didesnis nei {limit} baitų.</translation>
    </message>
    <message>
        <source>{name} is neither UTF-8 nor Windows-1257 (Baltic) text.</source>
        <translation>{name} nėra nei UTF-8, nei Windows-1257 (Baltijos šalių) koduotės tekstas.</translation>
    </message>
    <message>
        <source>{name} is neither an Excel workbook (.xlsx) nor a Word document (.docx).</source>
        <translation>{name} nėra nei Excel skaičiuoklė (.xlsx), nei Word dokumentas (.docx).</translation>
    </message>
    <message>
        <source>{name} is not a CSV table that can be read.</source>
        <translation>{name} nėra perskaitoma CSV lentelė.</translation>
    </message>
    <message>
        <source>{name} is not a text file.</source>
        <translation>{name} nėra tekstinis failas.</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook (.xlsx).</source>
        <translation>{name} nėra Excel darbaknygė (.xlsx).</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook that can be read.</source>
        <translation>{name} nėra perskaitoma Excel darbaknygė.</translation>
    </message>
    <message>
        <source>{name} is not an ordinary file (a device, a pipe or a socket); it is not read.</source>
        <translation>{name} nėra įprastas failas (tai įrenginys, kanalas ar lizdas); jis neskaitomas.</translation>
    </message>
    <message>
        <source>{name} is signed by a key this copy does not trust yet (fingerprint {fp}); the file says it comes from “{claimed}”, which nobody here has confirmed. If that person confirms this fingerprint, trust it for them with `kplan trust WORKSPACE &quot;{fp}&quot; --person EMAIL` or on the Sync page, then import again.</source>
        <translation>{name} pasirašytas raktu, kuriuo ši kopija dar nepasitiki (atpažinimo kodas {fp}); failas nurodo esąs nuo „{claimed}“, bet čia to niekas nepatvirtino. Jei tas asmuo patvirtins šį atpažinimo kodą, pasitikėkite juo kaip to asmens raktu (komanda `kplan trust WORKSPACE &quot;{fp}&quot; --person EMAIL` arba puslapyje „Sinchronizavimas“) ir importuokite dar kartą.</translation>
    </message>
    <message>
        <source>You are not allowed to read {path}.</source>
        <translation>Neturite teisės skaityti {path}.</translation>
    </message>
    <message>
        <source>--gender is for a new person; change an existing person&apos;s with kplan member update.</source>
        <translation>--gender nurodoma tik naujam asmeniui; esamo asmens lytį keiskite komanda kplan member update.</translation>
    </message>
    <message>
        <source>Nothing to change: add --role, --since, --until, --name, --email, --organisation or --gender.</source>
        <translation>Nėra ką keisti: nurodykite --role, --since, --until, --name, --email, --organisation arba --gender.</translation>
    </message>
    <message>
        <source>You are not allowed to write in the folder {folder}.</source>
        <translation>Neturite teisės rašyti į aplanką {folder}.</translation>
    </message>
    <message>
        <source>You can change only your own remarks.</source>
        <translation>Galite keisti tik savo pastabas.</translation>
    </message>
    <message>
        <source>You can withdraw only your own remarks.</source>
        <translation>Galite atsiimti tik savo pastabas.</translation>
    </message>
    <message>
        <source>Your name is needed: it stands under every remark you write.</source>
        <translation>Reikia jūsų vardo ir pavardės: jie rašomi po kiekviena jūsų pastaba.</translation>
    </message>
    <message>
        <source>a device signing with a key other than its own</source>
        <translation>įrenginys pasirašo ne savo raktu</translation>
    </message>
    <message>
        <source>device {device} made two different changes numbered {seq} (restored from a backup?)</source>
        <translation>įrenginys {device} padarė du skirtingus pakeitimus numeriu {seq} (atkurtas iš atsarginės kopijos?)</translation>
    </message>
    <message>
        <source>events claiming another person than the key&apos;s owner</source>
        <translation>pakeitimai, priskirti ne rakto savininkui</translation>
    </message>
    <message>
        <source>events signed with a key that is not their author&apos;s</source>
        <translation>pakeitimai, pasirašyti ne jų autoriaus raktu</translation>
    </message>
    <message>
        <source>events written under another person&apos;s name</source>
        <translation>pakeitimai, parašyti kito asmens vardu</translation>
    </message>
    <message>
        <source>malformed changes</source>
        <translation>sugadinti pakeitimai</translation>
    </message>
    <message>
        <source>section {code} was revised on two copies</source>
        <translation>dalis {code} pakeista dviejose kopijose</translation>
    </message>
    <message>
        <source>signed by the revoked key {fp}</source>
        <translation>pasirašyta atšauktu raktu {fp}</translation>
    </message>
    <message>
        <source>{name} belongs to another plan, not to this workspace&apos;s.</source>
        <translation>{name} priklauso kitam planui, ne šio darbo failo.</translation>
    </message>
    <message>
        <source>{name} carries only recent changes; joining a plan needs a full bundle (exported with --full).</source>
        <translation>{name} turi tik naujausius pakeitimus; prisijungti prie plano reikia viso duomenų paketo (eksportuoto su --full).</translation>
    </message>
    <message>
        <source>{name} is damaged: it has no workbook.</source>
        <translation>{name} sugadintas: jame nėra skaičiuoklės.</translation>
    </message>
    <message>
        <source>{name} is damaged: its contents are not well-formed.</source>
        <translation>{name} sugadintas: jo turinys netaisyklingas.</translation>
    </message>
    <message>
        <source>{name} is damaged: its contents are not what they should be.</source>
        <translation>{name} sugadintas: jo turinys ne toks, koks turėtų būti.</translation>
    </message>
    <message>
        <source>{name} is damaged: its contents do not unpack as they should.</source>
        <translation>{name} sugadintas: jo turinys neišpakuojamas taip, kaip turėtų.</translation>
    </message>
    <message>
        <source>{name} is damaged: its text is not well-formed; nothing was imported.</source>
        <translation>{name} sugadintas: jo tekstas netaisyklingas; niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} is not a Word document (.docx).</source>
        <translation>{name} nėra Word dokumentas (.docx).</translation>
    </message>
    <message>
        <source>{name} is password-protected or an old Word (.doc) file; save it as a .docx without a password and import that.</source>
        <translation>{name} apsaugotas slaptažodžiu arba yra senas Word (.doc) failas; įrašykite jį kaip .docx be slaptažodžio ir importuokite tą failą.</translation>
    </message>
    <message>
        <source>{name} is signed by a revoked key ({fp}); it is refused.</source>
        <translation>{name} pasirašytas atšauktu raktu ({fp}); jis atmestas.</translation>
    </message>
    <message>
        <source>{name} nests its content too deep to be a plan&apos;s draft; nothing was imported.</source>
        <translation>{name} turinys įdėtas per giliai, kad būtų plano projektas; niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} nests its content too deep; it is not read.</source>
        <translation>{name} turinys įdėtas per giliai; failas neskaitomas.</translation>
    </message>
    <message>
        <source>{name} nests tables more than {n} deep; it cannot be a plan&apos;s draft, and nothing was imported.</source>
        <translation>{name} lentelės įdėtos viena į kitą giliau nei {n} lygių; tai negali būti plano projektas, todėl niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} states a fingerprint its key does not have; it was changed.</source>
        <translation>{name} nurodo atpažinimo kodą, kurio jo raktas neturi: failas buvo pakeistas.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {limit} MB; it is not read.</source>
        <translation>Išpakuotas {name} užimtų daugiau nei {limit} MB; jis neskaitomas.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {mb} MB of text; it cannot be a plan&apos;s draft, and nothing was imported.</source>
        <translation>Išpakuotas {name} užimtų daugiau nei {mb} MB teksto; tai negali būti plano projektas, todėl niekas neimportuota.</translation>
    </message>
    <message>
        <source>{name} was made from another plan, not from this workspace&apos;s; nothing was changed.</source>
        <translation>{name} padarytas iš kito plano, ne iš šios darbo srities; niekas nepakeista.</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of KPlan; update KPlan to read it.</source>
        <translation>{name} įrašytas naujesne KPlan versija; atnaujinkite KPlan, kad galėtumėte jį perskaityti.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} jau yra; pasirinkite kitą pavadinimą.</translation>
    </message>
    <message>
        <source>{path} cannot be read.</source>
        <translation>{path} neįmanoma perskaityti.</translation>
    </message>
    <message>
        <source>{path} cannot be replaced; close it if it is open in another program.</source>
        <translation>{path} negalima pakeisti; uždarykite jį, jei jis atidarytas kitoje programoje.</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>Nepavyko įrašyti {path} ({reason}).</translation>
    </message>
    <message>
        <source>{path} has no plan in it; it was not finished when it was made.</source>
        <translation>{path} plano neturi; kuriant jis nebuvo užbaigtas.</translation>
    </message>
    <message>
        <source>{path} is a KPlan workspace; choose another file to write to.</source>
        <translation>{path} yra KPlan darbo failas; pasirinkite kitą failą, į kurį rašyti.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a KPlan workspace.</source>
        <translation>{path} yra aplankas, o ne KPlan darbo failas.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name.</source>
        <translation>{path} yra aplankas; nurodykite failo pavadinimą.</translation>
    </message>
    <message>
        <source>{path} is a link or a special file, not KPlan&apos;s lock file; remove it and open the workspace again.</source>
        <translation>{path} yra nuoroda arba specialusis failas, o ne KPlan užrakto failas; pašalinkite jį ir vėl atverkite darbo failą.</translation>
    </message>
    <message>
        <source>{path} is also read by this command; choose another file to write to.</source>
        <translation>{path} šios komandos ir skaitomas; pasirinkite kitą failą, į kurį rašyti.</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another program, not a KPlan workspace.</source>
        <translation>{path} yra kitos programos SQLite duomenų bazė, o ne KPlan darbo failas.</translation>
    </message>
    <message>
        <source>{path} is larger than {mb} MB; it cannot be a plan&apos;s draft.</source>
        <translation>{path} didesnis nei {mb} MB; tai negali būti plano projektas.</translation>
    </message>
    <message>
        <source>{path} is not a KPlan workspace.</source>
        <translation>{path} nėra KPlan darbo failas.</translation>
    </message>
    <message>
        <source>{path} is not a regular file; only a saved .docx can be imported.</source>
        <translation>{path} nėra įprastas failas; importuoti galima tik įrašytą .docx failą.</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (a device, a pipe or a socket); give the name of a file to write.</source>
        <translation>{path} nėra įprastas failas (tai įrenginys, kanalas ar lizdas); nurodykite failo, į kurį rašyti, pavadinimą.</translation>
    </message>
    <message>
        <source>{path} is one of KPlan&apos;s own files (its signing keys, settings and logs); choose another file to write to.</source>
        <translation>{path} yra vienas iš pačios KPlan failų (jos pasirašymo raktų, nustatymų ir žurnalų); pasirinkite kitą failą, į kurį rašyti.</translation>
    </message>
    <message>
        <source>{path} is the workspace itself, not a draft to import.</source>
        <translation>{path} yra pats darbo failas, o ne importuotinas plano projektas.</translation>
    </message>
    <message>
        <source>{path} is the workspace itself, not a file to import.</source>
        <translation>{path} yra pats darbo failas, o ne importuotinas failas.</translation>
    </message>
    <message>
        <source>{path} needs an upgrade to this version of KPlan; open it once to upgrade it.</source>
        <translation>{path} reikia atnaujinti šiai KPlan versijai; atidarykite jį vieną kartą, ir jis bus atnaujintas.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of KPlan; update KPlan to open it.</source>
        <translation>{path} sukurtas naujesne KPlan versija; atnaujinkite KPlan, kad galėtumėte jį atidaryti.</translation>
    </message>
    <message>
        <source>{who} has another key already; revoke it first if it is lost.</source>
        <translation>{who} jau turi kitą raktą; jei jis prarastas, pirmiausia jį atšaukite.</translation>
    </message>
    <message>
        <source>{who} is not a member of {code}.</source>
        <translation>{who} nepriklauso darbo grupei {code}.</translation>
    </message>
    <message>
        <source>{year} is not a year of the plan; give one from {first} to {last}.</source>
        <translation>{year} nėra plano metai; nurodykite metus nuo {first} iki {last}.</translation>
    </message>
    <message>
        <source>“{fmt}” is not a report format; use docx or pdf.</source>
        <translation>„{fmt}“ nėra suvestinės formatas; naudokite docx arba pdf.</translation>
    </message>
    <message>
        <source>“{lang}” is not a report language; use lt or en.</source>
        <translation>„{lang}“ nėra suvestinės kalba; naudokite lt arba en.</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write it as 2024-03-15.</source>
        <translation>„{value}“ nėra data; rašykite taip: 2024-03-15.</translation>
    </message>
    <message>
        <source>“{value}” is not a gender; use female, male or unspecified.</source>
        <translation>„{value}“ nėra lytis; nurodykite female, male arba unspecified.</translation>
    </message>
    <message>
        <source>“{value}” is not a remark type; use general, technical or editorial.</source>
        <translation>„{value}“ nėra pastabos tipas; naudokite general, technical arba editorial.</translation>
    </message>
    <message>
        <source>“{value}” is not a role; use one of {names}.</source>
        <translation>„{value}“ nėra vaidmuo; naudokite vieną iš šių: {names}.</translation>
    </message>
    <message>
        <source>“{value}” is not a status; use one of {names}.</source>
        <translation>„{value}“ nėra būsena; naudokite vieną iš šių: {names}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KPlan Desktop</source>
        <extracomment>Files at least this large get their first-open check off the UI thread. How often the window looks whether another program changed its workspace. One window per workspace: held while it is open here.</extracomment>
        <translation>KPlan Desktop</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Naujas planas…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Atidaryti darbo failą…</translation>
    </message>
    <message>
        <source>Open the &amp;demo plan</source>
        <translation>Atidaryti &amp;demonstracinį planą</translation>
    </message>
    <message>
        <source>&amp;Close workspace</source>
        <translation>&amp;Uždaryti darbo failą</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Išeiti</translation>
    </message>
    <message>
        <source>&amp;Join a plan from a bundle…</source>
        <translation>Prisi&amp;jungti prie plano iš duomenų paketo…</translation>
    </message>
    <message>
        <source>E&amp;xport remarks…</source>
        <translation>&amp;Eksportuoti pastabas…</translation>
    </message>
    <message>
        <source>The consolidated remarks as DOCX or PDF (Ctrl+E)</source>
        <translation>Pastabų ir pasiūlymų suvestinė DOCX arba PDF formatu (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export the &amp;draft with remarks…</source>
        <translation>Eksportuoti &amp;projektą su pastabomis…</translation>
    </message>
    <message>
        <source>&amp;Import a new draft…</source>
        <translation>Importuoti naują p&amp;rojektą…</translation>
    </message>
    <message>
        <source>Import consultants&apos; &amp;answers…</source>
        <translation>Importuoti konsultan&amp;tų atsakymus…</translation>
    </message>
    <message>
        <source>The answers the consultants wrote into the remarks table (XLSX or DOCX), previewed before they are written</source>
        <translation>Konsultantų į pastabų lentelę (XLSX ar DOCX) įrašyti atsakymai; prieš įrašant parodoma, ką jie pakeis</translation>
    </message>
    <message>
        <source>Import &amp;members…</source>
        <translation>I&amp;mportuoti narius…</translation>
    </message>
    <message>
        <source>Members of the selected group from a spreadsheet (XLSX or CSV)</source>
        <translation>Pasirinktos grupės nariai iš skaičiuoklės (XLSX ar CSV)</translation>
    </message>
    <message>
        <source>Import &amp;bundles…</source>
        <translation>Importuoti duomenų pa&amp;ketus…</translation>
    </message>
    <message>
        <source>Export a b&amp;undle…</source>
        <translation>Eksp&amp;ortuoti duomenų paketą…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Atšaukti</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Grąžinti</translation>
    </message>
    <message>
        <source>&amp;Write a remark…</source>
        <translation>&amp;Rašyti pastabą…</translation>
    </message>
    <message>
        <source>Write a remark on the selected passage (Ctrl+M)</source>
        <translation>Rašyti pastabą dėl pažymėtos ištraukos (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Edit my remark…</source>
        <translation>&amp;Taisyti savo pastabą…</translation>
    </message>
    <message>
        <source>W&amp;ithdraw my remark</source>
        <translation>Atsi&amp;imti savo pastabą</translation>
    </message>
    <message>
        <source>&amp;Old and new text…</source>
        <translation>&amp;Senas ir naujas tekstas…</translation>
    </message>
    <message>
        <source>&amp;Answer remarks…</source>
        <translation>&amp;Atsakyti į pastabas…</translation>
    </message>
    <message>
        <source>Set the status and response of the selected remarks</source>
        <translation>Nustatyti pasirinktų pastabų būseną ir atsakymą</translation>
    </message>
    <message>
        <source>&amp;Find remarks…</source>
        <translation>Ieš&amp;koti pastabų…</translation>
    </message>
    <message>
        <source>&amp;Edit section…</source>
        <translation>&amp;Taisyti dalį…</translation>
    </message>
    <message>
        <source>&amp;History and differences…</source>
        <translation>&amp;Istorija ir skirtumai…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Perkelti &amp;aukštyn</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Perkelti že&amp;myn</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>Perkelti &amp;kitur…</translation>
    </message>
    <message>
        <source>Move the section, with everything under it, under another section (Ctrl+Shift+M)</source>
        <translation>Perkelti plano dalį su visomis jos dalimis po kita plano dalimi (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Planas</translation>
    </message>
    <message>
        <source>All &amp;remarks</source>
        <translation>&amp;Visos pastabos</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Apžvalga</translation>
    </message>
    <message>
        <source>&amp;Groups and meetings</source>
        <translation>&amp;Grupės ir posėdžiai</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sinchronizavimas</translation>
    </message>
    <message>
        <source>Send and receive bundles, trust, conflicts (Ctrl+5)</source>
        <translation>Duomenų paketų siuntimas ir gavimas, raktų patvirtinimas, nesutapimai (Ctrl+5)</translation>
    </message>
    <message>
        <source>&amp;Identity…</source>
        <translation>Tapat&amp;ybė…</translation>
    </message>
    <message>
        <source>This copy&apos;s person, device and key fingerprint (Ctrl+I)</source>
        <translation>Šios kopijos asmuo, įrenginys ir rakto atpažinimo kodas (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Did&amp;esnis tekstas</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Mažesnis tekstas</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Įprastas &amp;teksto dydis</translation>
    </message>
    <message>
        <source>&amp;About KPlan</source>
        <translation>&amp;Apie KPlan</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ne&amp;seniai atidaryti</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Taisa</translation>
    </message>
    <message>
        <source>&amp;Remarks</source>
        <translation>&amp;Pastabos</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>Plano &amp;dalis</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Rodymas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ž&amp;inynas</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Pagrindinė juosta</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Teksto dydis</translation>
    </message>
    <message>
        <source>This workspace is on a network drive, where it can be damaged by two programs writing at once. Keep it on this computer&apos;s disk and share bundles instead.</source>
        <translation>Šis darbo failas yra tinklo diske, kur jį gali sugadinti dvi vienu metu rašančios programos. Laikykite jį šio kompiuterio diske, o dalinkitės duomenų paketais.</translation>
    </message>
    <message>
        <source>Checking {name} before opening it…</source>
        <translation>Prieš atidarant tikrinamas failas {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} remark(s) shown</source>
        <translation>
            <numerusform>Rodoma %n pastaba iš {total}</numerusform>
            <numerusform>Rodomos %n pastabos iš {total}</numerusform>
            <numerusform>Rodoma %n pastabų iš {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>{sections} sections · {remarks} remarks, {open} open</source>
        <translation>Plano dalių: {sections} · pastabų: {remarks}, neatsakytų: {open}</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <extracomment>Strings keep the main window&apos;s context (see window_base).</extracomment>
        <translation>Atidaryti darbo failą</translation>
    </message>
    <message>
        <source>KPlan workspaces (*.kplan);;All files (*)</source>
        <translation>KPlan darbo failai (*.kplan);;Visi failai (*)</translation>
    </message>
    <message>
        <source>The demo plan is not part of this build.</source>
        <translation>Demonstracinio plano šiame leidime nėra.</translation>
    </message>
    <message>
        <source>Making the demo plan…</source>
        <translation>Kuriamas demonstracinis planas…</translation>
    </message>
    <message>
        <source>Joining the plan…</source>
        <translation>Jungiamasi prie plano…</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word dokumentai (*.docx)</translation>
    </message>
    <message>
        <source>The draft with {n} remarks as comments is in {path}.</source>
        <translation>Plano projektas su pastabomis kaip komentarais ({n}) įrašytas į {path}.</translation>
    </message>
    <message>
        <source>Remarks written to {path}: {n}.</source>
        <translation>Pastabų įrašyta į {path}: {n}.</translation>
    </message>
    <message>
        <source>Writing the draft…</source>
        <translation>Rašomas plano projektas…</translation>
    </message>
    <message>
        <source>Import a new draft from the consultants</source>
        <translation>Importuoti naują konsultantų parengtą projektą</translation>
    </message>
    <message>
        <source>write a remark</source>
        <extracomment>Strings keep the main window&apos;s context (see window_base).</extracomment>
        <translation>pastabos rašymas</translation>
    </message>
    <message>
        <source>Your remark is saved.</source>
        <translation>Jūsų pastaba išsaugota.</translation>
    </message>
    <message>
        <source>&amp;Undo: {what}</source>
        <translation>&amp;Atšaukti: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo: {what}</source>
        <translation>&amp;Grąžinti: {what}</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed.</source>
        <translation>Sustabdyta; niekas nepakeista.</translation>
    </message>
    <message>
        <source>edit a remark</source>
        <translation>pastabos taisymas</translation>
    </message>
    <message>
        <source>withdraw a remark</source>
        <translation>pastabos atsiėmimas</translation>
    </message>
    <message>
        <source>When the remark was made</source>
        <translation>Kai pastaba buvo parašyta</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Dabar</translation>
    </message>
    <message>
        <source>Text changed since the remark</source>
        <translation>Tekstas pakeistas po pastabos</translation>
    </message>
    <message>
        <source>Reading the selected remarks…</source>
        <translation>Skaitomos pasirinktos pastabos…</translation>
    </message>
    <message>
        <source>You cannot answer the selected remarks: only the secretary or chair of their group can.</source>
        <translation>Negalite atsakyti į pasirinktas pastabas: tai gali tik jų darbo grupės sekretorius arba pirmininkas.</translation>
    </message>
    <message>
        <source>The selected remarks cannot all take the same answer.</source>
        <translation>Į visas pasirinktas pastabas negalima atsakyti tuo pačiu atsakymu.</translation>
    </message>
    <message>
        <source>answer a remark</source>
        <translation>atsakymas į pastabą</translation>
    </message>
    <message>
        <source>Answer saved.</source>
        <translation>Atsakymas išsaugotas.</translation>
    </message>
    <message>
        <source>Write the response first; then keep it as a template.</source>
        <translation>Pirma parašykite atsakymą, tada išsaugokite jį kaip šabloną.</translation>
    </message>
    <message>
        <source>The response is kept as the template “{title}”.</source>
        <translation>Atsakymas išsaugotas kaip šablonas „{title}“.</translation>
    </message>
    <message>
        <source>edit a section&apos;s text</source>
        <extracomment>Strings keep the main window&apos;s context (see window_base).</extracomment>
        <translation>plano dalies teksto taisymas</translation>
    </message>
    <message>
        <source>change a section</source>
        <translation>plano dalies keitimas</translation>
    </message>
    <message>
        <source>move a section</source>
        <translation>plano dalies perkėlimas</translation>
    </message>
    <message>
        <source>Moved; it is now {code}.</source>
        <translation>Perkelta; dabar tai {code}.</translation>
    </message>
    <message>
        <source>Import the consultants&apos; answers</source>
        <translation>Konsultantų atsakymų importas</translation>
    </message>
    <message>
        <source>Remarks with answers (*.xlsx *.docx)</source>
        <translation>Pastabos su atsakymais (*.xlsx *.docx)</translation>
    </message>
    <message>
        <source>change my gender</source>
        <translation>savo lyties pakeitimas</translation>
    </message>
    <message numerus="yes">
        <source>answer %n remark(s)</source>
        <translation>
            <numerusform>atsakymas į %n pastabą</numerusform>
            <numerusform>atsakymas į %n pastabas</numerusform>
            <numerusform>atsakymas į %n pastabų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answer saved for %n remark(s).</source>
        <translation>
            <numerusform>Atsakymas išsaugotas %n pastabai.</numerusform>
            <numerusform>Atsakymas išsaugotas %n pastaboms.</numerusform>
            <numerusform>Atsakymas išsaugotas %n pastabų.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answering %n remark(s)…</source>
        <translation>
            <numerusform>Atsakoma į %n pastabą…</numerusform>
            <numerusform>Atsakoma į %n pastabas…</numerusform>
            <numerusform>Atsakoma į %n pastabų…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>Naujas posėdis</translation>
    </message>
    <message>
        <source>Edit meeting</source>
        <extracomment>The fields of a meeting a dialog edits (the attendance is apart).</extracomment>
        <translation>Keisti posėdį</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Vieta:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>Dar&amp;botvarkė:</translation>
    </message>
    <message>
        <source>Present (&amp;ticked):</source>
        <translation>Dalyvavo (&amp;pažymėti):</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>Pro&amp;tokolas:</translation>
    </message>
    <message>
        <source>D&amp;ecisions:</source>
        <translation>Sp&amp;rendimai:</translation>
    </message>
    <message>
        <source>&amp;Save meeting</source>
        <translation>&amp;Išsaugoti posėdį</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>Naujas narys</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>Keisti nario duomenis</translation>
    </message>
    <message>
        <source>Member &amp;until (Iki):</source>
        <translation>Narys i&amp;ki:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Vardas, pavardė:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;El. paštas:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organizacija:</translation>
    </message>
    <message>
        <source>&amp;Gender (for role words):</source>
        <translation>&amp;Lytis (pareigų pavadinimams):</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Pareigos grupėje:</translation>
    </message>
    <message>
        <source>Member &amp;since:</source>
        <translation>Narys &amp;nuo:</translation>
    </message>
    <message>
        <source>Sa&amp;ve member</source>
        <translation>&amp;Išsaugoti narį</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>Pri&amp;dėti narį</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Pranešimas</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Uždaryti šį pranešimą</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <source>Minutes of the meeting</source>
        <translation>Posėdžio protokolas</translation>
    </message>
    <message>
        <source>&amp;PDF (to file)</source>
        <translation>&amp;PDF (į failą)</translation>
    </message>
    <message>
        <source>&amp;DOCX (to work in, Word)</source>
        <translation>&amp;DOCX (redaguoti Word)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formatas</translation>
    </message>
    <message>
        <source>Document &amp;language</source>
        <translation>Dokumento ka&amp;lba</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pasi&amp;rinkti…</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <source>&amp;Save minutes</source>
        <translation>&amp;Išsaugoti protokolą</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF failai (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word dokumentai (*.docx)</translation>
    </message>
    <message>
        <source>Save the minutes as</source>
        <translation>Išsaugoti protokolą kaip</translation>
    </message>
</context>
<context>
    <name>MoveSectionDialog</name>
    <message>
        <source>Move section</source>
        <translation>Perkelti plano dalį</translation>
    </message>
    <message>
        <source>Move “{section}” and everything under it to:</source>
        <translation>Perkelti „{section}“ su visomis jos dalimis į:</translation>
    </message>
    <message>
        <source>The &amp;top level of the plan</source>
        <translation>&amp;Aukščiausias plano lygmuo</translation>
    </message>
    <message>
        <source>New parent section</source>
        <translation>Nauja aukštesnė plano dalis</translation>
    </message>
    <message>
        <source>&amp;Move here</source>
        <translation>&amp;Perkelti čia</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>Start a new plan</source>
        <translation>Pradėti naują planą</translation>
    </message>
    <message>
        <source>You become the secretary of the plan&apos;s coordination group: you can add the working groups, their members and the draft.</source>
        <translation>Tapsite plano koordinacinės darbo grupės sekretoriumi: galėsite pridėti darbo grupes, jų narius ir plano projektą.</translation>
    </message>
    <message>
        <source>e.g. City strategic development plan to 2030</source>
        <translation>pvz., Miesto strateginis plėtros planas iki 2030 m.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>Pa&amp;sirinkti…</translation>
    </message>
    <message>
        <source>Plan &amp;title:</source>
        <translation>Plano &amp;pavadinimas:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Jūsų &amp;vardas ir pavardė:</translation>
    </message>
    <message>
        <source>Your &amp;e-mail:</source>
        <translation>Jūsų &amp;el. paštas:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Failas:</translation>
    </message>
    <message>
        <source>C&amp;reate plan</source>
        <translation>Su&amp;kurti planą</translation>
    </message>
    <message>
        <source>Where to keep the plan</source>
        <translation>Kur laikyti planą</translation>
    </message>
    <message>
        <source>KPlan workspaces (*.kplan)</source>
        <translation>KPlan darbo failai (*.kplan)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancel</source>
        <extracomment>What the work function receives: report ``done`` of ``total``; False means &quot;stop now&quot;. How long work may run before its progress dialog appears (a short job shows none). Progress is passed to the UI thread at most this often, so a tight loop cannot flood it. The work may write to the workspace (run_on_workspace without readonly). Work that may have written to a workspace has ended (on the UI thread, after its callback): what changed in the file since is another program&apos;s.</extracomment>
        <translation>Atšaukti</translation>
    </message>
</context>
<context>
    <name>PassphraseAsker</name>
    <message>
        <source>No keyring works on this computer, so this copy&apos;s signing key is kept in a file locked with a passphrase. Choose a passphrase and keep it safe:</source>
        <translation>Šiame kompiuteryje neveikia jokia raktinė, todėl šios kopijos pasirašymo raktas laikomas faile, užrakintame slaptafraze. Sugalvokite slaptafrazę ir ją saugokite:</translation>
    </message>
    <message>
        <source>The passphrase of this copy&apos;s signing key:</source>
        <translation>Šios kopijos pasirašymo rakto slaptafrazė:</translation>
    </message>
    <message>
        <source>Signing key passphrase</source>
        <translation>Pasirašymo rakto slaptafrazė</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Plan sections</source>
        <extracomment>Widths of the columns of names and free text, in &quot;M&quot;s of the current font; the others are as wide as their widest label (column_samples), the remark takes the rest. What the columns of names and free text narrow to when room is short. The columns beside the remark together take at most this share of the table&apos;s width. Which columns step aside first when the table is too narrow for all of them. Dropped only when the others, narrowed, still leave the remark less than its title.</extracomment>
        <translation>Plano dalys</translation>
    </message>
    <message>
        <source>Remarks on this section</source>
        <translation>Šios dalies pastabos</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Remarks on this section: {n}</source>
        <translation>Šios plano dalies pastabos: {n}</translation>
    </message>
</context>
<context>
    <name>Quotes</name>
    <message>
        <source>“{text}”</source>
        <extracomment>The interface language, set by :func:`.app.load_translators` (English until then).</extracomment>
        <translation>„{text}“</translation>
    </message>
</context>
<context>
    <name>RecordEdits</name>
    <message>
        <source>add a group</source>
        <extracomment>Makes and pushes one undoable change: (name, do, undo) -&gt; whether the store took it. Says something in the window&apos;s message bar: (text, error=...).</extracomment>
        <translation>grupės pridėjimas</translation>
    </message>
    <message>
        <source>rename the group</source>
        <translation>grupės pervadinimas</translation>
    </message>
    <message>
        <source>archive the group</source>
        <translation>grupės archyvavimas</translation>
    </message>
    <message>
        <source>{group} is archived; its records stay. Undo brings it back.</source>
        <translation>Grupė „{group}“ archyvuota; jos duomenys lieka. Atšaukus grupė grąžinama.</translation>
    </message>
    <message>
        <source>restore the group</source>
        <translation>grupės grąžinimas iš archyvo</translation>
    </message>
    <message>
        <source>{group} works again, with its records.</source>
        <translation>Grupė „{group}“ vėl veikia su savo duomenimis.</translation>
    </message>
    <message>
        <source>Mandate: {group}</source>
        <translation>Įgaliojimai: {group}</translation>
    </message>
    <message>
        <source>edit the mandate</source>
        <translation>keisti įgaliojimus</translation>
    </message>
    <message>
        <source>add a review round</source>
        <translation>pridėti derinimo etapą</translation>
    </message>
    <message>
        <source>add a member</source>
        <translation>pridėti narį</translation>
    </message>
    <message>
        <source>{email} is already in the plan: that person is now a member of the group; their record is unchanged.</source>
        <translation>{email} jau yra plane: šis asmuo dabar yra grupės narys, asmens duomenys nepakeisti.</translation>
    </message>
    <message>
        <source>edit a member</source>
        <translation>nario duomenų keitimas</translation>
    </message>
    <message>
        <source>end a membership</source>
        <translation>narystės pabaiga</translation>
    </message>
    <message>
        <source>remove a member added by mistake</source>
        <translation>per klaidą pridėto nario pašalinimas</translation>
    </message>
    <message>
        <source>{name} is no longer listed as a member. Undo brings the membership back.</source>
        <translation>{name} nebėra narių sąraše. Atšaukus narystė grąžinama.</translation>
    </message>
    <message>
        <source>Import members from a spreadsheet</source>
        <translation>Importuoti narius iš skaičiuoklės</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Skaičiuoklės (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>add a meeting</source>
        <translation>pridėti posėdį</translation>
    </message>
    <message>
        <source>edit a meeting</source>
        <translation>posėdžio keitimas</translation>
    </message>
    <message>
        <source>remove a meeting added by mistake</source>
        <translation>per klaidą pridėto posėdžio pašalinimas</translation>
    </message>
    <message>
        <source>The meeting of {date} is no longer listed. Undo brings it back.</source>
        <translation>{date} posėdis nebėra sąraše. Atšaukus jis grąžinamas.</translation>
    </message>
    <message>
        <source>Saved the minutes: {file}</source>
        <translation>Protokolas išsaugotas: {file}</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>Rašomas protokolas…</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Code</source>
        <translation>Kodas</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Darbo grupė</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupės</translation>
    </message>
    <message>
        <source>Working groups</source>
        <translation>Darbo grupės</translation>
    </message>
    <message>
        <source>Review round</source>
        <translation>Svarstymo etapas</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Prasideda</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Baigiasi</translation>
    </message>
    <message>
        <source>Review rounds</source>
        <translation>Svarstymo etapai</translation>
    </message>
    <message>
        <source>&amp;Mandate</source>
        <translation>&amp;Nuostatai</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Vardas, pavardė</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Pareigos</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Nuo</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Iki</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizacija</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Pridėti narį…</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>N&amp;ariai</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Vieta</translation>
    </message>
    <message>
        <source>Add meeting…</source>
        <translation>Pridėti posėdį…</translation>
    </message>
    <message>
        <source>Mee&amp;tings</source>
        <translation>P&amp;osėdžiai</translation>
    </message>
    <message>
        <source>Show arc&amp;hived groups</source>
        <translation>Rodyti arc&amp;hyvuotas grupes</translation>
    </message>
    <message>
        <source>Add review ro&amp;und…</source>
        <translation>Pridėti svarstymo &amp;etapą…</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Nuostatai</translation>
    </message>
    <message>
        <source>Edit man&amp;date…</source>
        <translation>Taisyti nuo&amp;status…</translation>
    </message>
    <message>
        <source>Show &amp;former members too</source>
        <translation>Rodyti ir &amp;buvusius narius</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nauja grupė…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Pervadinti…</translation>
    </message>
    <message>
        <source>Change the group&apos;s name or code (Enter)</source>
        <translation>Pakeisti grupės pavadinimą ar kodą (Enter)</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archyvuoti</translation>
    </message>
    <message>
        <source>The group stops working; its records stay (Undo brings it back)</source>
        <translation>Grupė nebeveikia; jos duomenys lieka (atšaukus grupė grąžinama)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Grąžinti</translation>
    </message>
    <message>
        <source>An archived group works again, with its records</source>
        <translation>Archyvuota grupė vėl veikia su visais savo duomenimis</translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation>Keisti nario duomenis…</translation>
    </message>
    <message>
        <source>Name, role and dates of the member (Enter)</source>
        <translation>Nario vardas, vaidmuo ir datos (Enter)</translation>
    </message>
    <message>
        <source>End membership…</source>
        <translation>Baigti narystę…</translation>
    </message>
    <message>
        <source>The member leaves the group; their remarks and attendance stay</source>
        <translation>Narys palieka grupę; nario pastabos ir dalyvavimas posėdžiuose lieka</translation>
    </message>
    <message>
        <source>Remove (added by mistake)</source>
        <translation>Pašalinti (pridėtas per klaidą)</translation>
    </message>
    <message>
        <source>Take back a membership that should never have been added</source>
        <translation>Atšaukti narystę, kuri neturėjo būti pridėta</translation>
    </message>
    <message>
        <source>Import members…</source>
        <translation>Importuoti narius…</translation>
    </message>
    <message>
        <source>Members from a spreadsheet (XLSX or CSV), previewed first</source>
        <translation>Nariai iš skaičiuoklės (XLSX ar CSV), prieš tai peržiūrėjus pakeitimus</translation>
    </message>
    <message>
        <source>Edit meeting…</source>
        <translation>Keisti posėdį…</translation>
    </message>
    <message>
        <source>Date, place, agenda, discussion, decisions and attendance (Enter)</source>
        <translation>Data, vieta, darbotvarkė, svarstyta, nutarta ir dalyvavimas (Enter)</translation>
    </message>
    <message>
        <source>Take back a meeting that was never held</source>
        <translation>Pašalinti posėdį, kuris nebuvo surengtas</translation>
    </message>
    <message>
        <source>Minutes…</source>
        <translation>Protokolas…</translation>
    </message>
    <message>
        <source>The meeting&apos;s minutes as PDF or DOCX</source>
        <translation>Posėdžio protokolas PDF arba DOCX formatu</translation>
    </message>
    <message>
        <source>Attendance sheet…</source>
        <translation>Posėdžių lankomumas…</translation>
    </message>
    <message>
        <source>Members by meetings of a year, with totals; XLSX for the municipality</source>
        <translation>Metų posėdžiai ir jų dalyviai su sumomis; XLSX savivaldybei</translation>
    </message>
    <message>
        <source>{group} (archived)</source>
        <translation>{group} (archyvuota)</translation>
    </message>
    <message>
        <source>No mandate written yet.</source>
        <translation>Nuostatai dar neparašyti.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Darbotvarkė</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Dalyvavo</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Nedalyvavo</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Protokolas</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Sprendimai</translation>
    </message>
</context>
<context>
    <name>RemarkDetail</name>
    <message>
        <source>The remark in full</source>
        <extracomment>What the remarks page searches for: its matches are marked here too.</extracomment>
        <translation>Visa pastaba</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Tai&amp;syti…</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Atsiimti</translation>
    </message>
    <message>
        <source>&amp;Answer…</source>
        <translation>Atsa&amp;kyti…</translation>
    </message>
    <message>
        <source>&amp;Old and new text…</source>
        <translation>Senas ir &amp;naujas tekstas…</translation>
    </message>
    <message>
        <source>Choose a remark to read it in full.</source>
        <translation>Pasirinkite pastabą, kad perskaitytumėte ją visą.</translation>
    </message>
    <message>
        <source>The section&apos;s text has changed since this remark was made.</source>
        <translation>Plano dalies tekstas pakeistas po to, kai ši pastaba buvo parašyta.</translation>
    </message>
    <message>
        <source>This section was removed from the latest draft; the remark is kept.</source>
        <translation>Ši plano dalis pašalinta iš naujausio projekto; pastaba išsaugota.</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Pastaba</translation>
    </message>
    <message>
        <source>Proposed change</source>
        <translation>Siūlomas pakeitimas</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Pagrindimas</translation>
    </message>
    <message>
        <source>Response ({who}, {when})</source>
        <translation>Atsakymas ({who}, {when})</translation>
    </message>
</context>
<context>
    <name>RemarkDialog</name>
    <message>
        <source>Edit remark</source>
        <translation>Taisyti pastabą</translation>
    </message>
    <message>
        <source>Write a remark</source>
        <translation>Rašyti pastabą</translation>
    </message>
    <message>
        <source>On {section}</source>
        <translation>Dėl {section}</translation>
    </message>
    <message>
        <source>What is wrong or missing, in a few sentences</source>
        <translation>Kas negerai ar ko trūksta, keliais sakiniais</translation>
    </message>
    <message>
        <source>The wording you propose instead (optional)</source>
        <translation>Jūsų siūloma formuluotė (neprivaloma)</translation>
    </message>
    <message>
        <source>Why: facts, sources (optional)</source>
        <translation>Kodėl: faktai, šaltiniai (neprivaloma)</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipas:</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>&amp;Pastaba:</translation>
    </message>
    <message>
        <source>&amp;Proposed change:</source>
        <translation>&amp;Siūlomas pakeitimas:</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>Pa&amp;grindimas:</translation>
    </message>
    <message>
        <source>&amp;Save remark</source>
        <translation>&amp;Išsaugoti pastabą</translation>
    </message>
</context>
<context>
    <name>RemarkIds</name>
    <message>
        <source>Not numbered yet: the group secretary&apos;s copy gives the remark its number when the remark reaches it; until then this provisional id is shown.</source>
        <translation>Dar nesunumeruota: numerį pastabai suteikia darbo grupės sekretoriaus kopija, kai pastaba ją pasiekia; iki tol rodomas laikinas identifikatorius.</translation>
    </message>
    <message>
        <source>Numbered {old} before, until a numbering clash.</source>
        <translation>Anksčiau buvo {old}; numeris pakeistas, nes sutapo su kitos pastabos numeriu.</translation>
    </message>
    <message>
        <source>Two copies gave this number at once; the earlier keeps it, and the secretary&apos;s copy gives this remark a new number at its next import.</source>
        <translation>Šį numerį vienu metu suteikė dvi kopijos; jis lieka anksčiau sunumeruotai pastabai, o šiai sekretoriaus kopija suteiks naują numerį per kitą importą.</translation>
    </message>
</context>
<context>
    <name>RemarksPage</name>
    <message>
        <source>Remarks found</source>
        <translation>Rastos pastabos</translation>
    </message>
    <message>
        <source>Looking for remarks…</source>
        <translation>Ieškoma pastabų…</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} remark(s)</source>
        <translation>
            <numerusform>%n pastaba iš {total}</numerusform>
            <numerusform>%n pastabos iš {total}</numerusform>
            <numerusform>%n pastabų iš {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleFemale</name>
    <message>
        <source>chair</source>
        <translation>pirmininkė</translation>
    </message>
    <message>
        <source>consultant</source>
        <translation>konsultantė</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>ekspertė</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>stebėtoja</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>sekretorė</translation>
    </message>
</context>
<context>
    <name>RoleMale</name>
    <message>
        <source>chair</source>
        <translation>pirmininkas</translation>
    </message>
    <message>
        <source>consultant</source>
        <translation>konsultantas</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>ekspertas</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>stebėtojas</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>sekretorius</translation>
    </message>
</context>
<context>
    <name>RoleUnspecified</name>
    <message>
        <source>chair</source>
        <translation>pirmininkas (-ė)</translation>
    </message>
    <message>
        <source>consultant</source>
        <translation>konsultantas (-ė)</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>ekspertas (-ė)</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>stebėtojas (-a)</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>sekretorius (-ė)</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>Reading {file}…</source>
        <extracomment>Makes the undoable command of a change run by a worker: (name, do, undo).</extracomment>
        <translation>Skaitomas {file}…</translation>
    </message>
    <message>
        <source>import members from {file}</source>
        <translation>narių importas iš {file}</translation>
    </message>
    <message>
        <source>Importing members from {file}…</source>
        <translation>Importuojami nariai iš {file}…</translation>
    </message>
    <message>
        <source>Imported {file}: {new} new, {changed} changed, {unchanged} unchanged, {problem} left out with problems.</source>
        <translation>Importuotas {file}: naujų – {new}, pakeistų – {changed}, nepakitusių – {unchanged}, praleista dėl klaidų – {problem}.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import members: {file}</source>
        <translation>Narių importas: {file}</translation>
    </message>
    <message>
        <source>What importing {file} into {group} would do. Nothing is written until you import; rows with a problem are left out.</source>
        <translation>Ką pakeistų failo {file} importas į grupę „{group}“. Niekas neįrašoma, kol neimportuosite; eilutės su klaidomis praleidžiamos.</translation>
    </message>
    <message>
        <source>{new} new, {changed} changed, {unchanged} unchanged, {problem} with problems (not imported).</source>
        <translation>Naujų – {new}, pakeistų – {changed}, nepakitusių – {unchanged}, su klaidomis – {problem} (neimportuojamos).</translation>
    </message>
    <message>
        <source>Members not in the file stay members: {names}.</source>
        <translation>Faile nenurodyti nariai lieka nariais: {names}.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Importuoti %n eilutę</numerusform>
            <numerusform>Importuoti %n eilutes</numerusform>
            <numerusform>Importuoti %n eilučių</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterPreviewModel</name>
    <message>
        <source>Row</source>
        <extracomment>Row tints by outcome: calm, and readable in both light and dark text.</extracomment>
        <translation>Eilutė</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Rezultatas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Vardas ir pavardė</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizacija</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Pareigos</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Kas keičiasi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Naujas</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Keičiamas</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Nepakitęs</translation>
    </message>
    <message>
        <source>Problem: not imported</source>
        <translation>Klaida: neimportuojama</translation>
    </message>
    <message>
        <source>a new person, {role}</source>
        <translation>naujas asmuo, {role}</translation>
    </message>
    <message>
        <source>joins the group as {role}</source>
        <translation>įtraukiamas į grupę, vaidmuo – {role}</translation>
    </message>
    <message>
        <source>role becomes {role}</source>
        <translation>vaidmuo: {role}</translation>
    </message>
    <message>
        <source>name becomes {name}</source>
        <translation>vardas ir pavardė: {name}</translation>
    </message>
    <message>
        <source>organisation becomes {organisation}</source>
        <translation>organizacija: {organisation}</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>nenurodytas vardas ir pavardė</translation>
    </message>
    <message>
        <source>unknown role “{v}”</source>
        <translation>nežinomas vaidmuo „{v}“</translation>
    </message>
    <message>
        <source>“{v}” is not an e-mail address</source>
        <translation>„{v}“ nėra el. pašto adresas</translation>
    </message>
    <message>
        <source>the e-mail is also on row {v}</source>
        <translation>tas pats el. pašto adresas ir {v} eilutėje</translation>
    </message>
    <message>
        <source>the same person is on another row</source>
        <translation>tas pats asmuo nurodytas kitoje eilutėje</translation>
    </message>
    <message>
        <source>a cell longer than {v} characters</source>
        <translation>langelis ilgesnis nei {v} simbolių</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>New review round</source>
        <translation>Naujas svarstymo etapas</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Pa&amp;vadinimas:</translation>
    </message>
    <message>
        <source>&amp;Opens:</source>
        <translation>&amp;Pradžia:</translation>
    </message>
    <message>
        <source>&amp;Closes (deadline for remarks):</source>
        <translation>Pa&amp;baiga (pastabų teikimo terminas):</translation>
    </message>
    <message>
        <source>&amp;Add round</source>
        <translation>P&amp;ridėti etapą</translation>
    </message>
    <message>
        <source>A review round needs a name.</source>
        <translation>Svarstymo etapas turi turėti pavadinimą.</translation>
    </message>
</context>
<context>
    <name>SectionEditDialog</name>
    <message>
        <source>Edit section {code}</source>
        <translation>Taisyti plano dalį {code}</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Numeris:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Pavadinimas:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Būsena:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;Tekstas:</translation>
    </message>
    <message>
        <source>Saving keeps the earlier text as a revision; remarks on it are marked “text changed since”.</source>
        <translation>Išsaugojus ankstesnis tekstas lieka kaip redakcija; pastabos apie jį pažymimos „tekstas pakeistas po pastabos“.</translation>
    </message>
    <message>
        <source>Sa&amp;ve section</source>
        <translation>Iš&amp;saugoti plano dalį</translation>
    </message>
    <message>
        <source>A section needs a title.</source>
        <translation>Dalis turi turėti pavadinimą.</translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <source>Unit:</source>
        <extracomment>The line under a quoted passage, by its remark&apos;s status: solid while the remark is open, dotted once answered, dashed when withdrawn. The background colour says the same to those who see colours; the tooltip names the status. Body blocks are separated by a blank line (the draft import and export agree on it). A cell separator of a text table row; a bar inside a cell is written &quot;\|&quot;.</extracomment>
        <translation>Matavimo vienetas:</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Pradinė reikšmė:</translation>
    </message>
    <message>
        <source>Target 2030:</source>
        <translation>Siektina reikšmė 2030 m.:</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>Dalies tekstas</translation>
    </message>
    <message>
        <source>Choose a section of the plan on the left.</source>
        <translation>Kairėje pasirinkite plano dalį.</translation>
    </message>
    <message>
        <source>responsible: {group}</source>
        <translation>atsakinga: {group}</translation>
    </message>
    <message>
        <source>two versions of this text wait for a decision</source>
        <translation>dvi šio teksto redakcijos laukia sprendimo</translation>
    </message>
    <message>
        <source>removed from the latest draft; its remarks are kept</source>
        <translation>pašalinta iš naujausio projekto; jos pastabos išsaugotos</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Send and receive</source>
        <translation>Siųsti ir gauti</translation>
    </message>
    <message>
        <source>Drop .kplanbundle files here to import them.</source>
        <translation>Nutempkite .kplanbundle failus čia, kad juos importuotumėte.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importuota</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Failas</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Pasirašė</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Pritaikyta</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Jau buvo</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Atmesta</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Nesutapimai</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Asmuo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Atpažinimo kodas</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Pasitikėjimas</translation>
    </message>
    <message>
        <source>Changes waitin&amp;g to apply</source>
        <translation>P&amp;akeitimai, laukiantys pritaikymo</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change received so far has been applied.</source>
        <translation>Niekas nelaukia: visi iki šiol gauti pakeitimai pritaikyti.</translation>
    </message>
    <message>
        <source>not known here yet</source>
        <translation>čia dar nežinomas</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: {done} of %n bundle(s) were imported before it stopped; the rest changed nothing.</source>
        <translation>
            <numerusform>Importas atšauktas: iki sustabdymo importuota {done} iš %n duomenų paketo; likusieji nieko nepakeitė.</numerusform>
            <numerusform>Importas atšauktas: iki sustabdymo importuota {done} iš %n duomenų paketų; likusieji nieko nepakeitė.</numerusform>
            <numerusform>Importas atšauktas: iki sustabdymo importuota {done} iš %n duomenų paketų; likusieji nieko nepakeitė.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n bundle(s): {applied} changes applied, {refused} refused, {conflicts} conflicts, waiting: {held}.</source>
        <translation>
            <numerusform>Importuotas %n duomenų paketas: pakeitimų pritaikyta: {applied}, atmesta: {refused}, nesutapimų: {conflicts}, laukia: {held}.</numerusform>
            <numerusform>Importuoti %n duomenų paketai: pakeitimų pritaikyta: {applied}, atmesta: {refused}, nesutapimų: {conflicts}, laukia: {held}.</numerusform>
            <numerusform>Importuota %n duomenų paketų: pakeitimų pritaikyta: {applied}, atmesta: {refused}, nesutapimų: {conflicts}, laukia: {held}.</numerusform>
        </translation>
    </message>
    <message>
        <source>No person is known for this key, and a key is trusted for one person: import a bundle it signed, or trust it on the command line with --person.</source>
        <translation>Nežinoma, kieno tai raktas, o raktu pasitikima tik kaip vieno asmens raktu: importuokite juo pasirašytą duomenų paketą arba pasitikėkite juo komandų eilutėje su --person.</translation>
    </message>
    <message>
        <source>The key is trusted for {who}; {n} changes that waited for it were applied.</source>
        <translation>Raktu pasitikima kaip {who} raktu; pritaikyta jo laukusių pakeitimų: {n}.</translation>
    </message>
    <message>
        <source>The key is trusted for {who}.</source>
        <translation>Raktu pasitikima kaip {who} raktu.</translation>
    </message>
    <message>
        <source>a person not known here yet (id {id})</source>
        <translation>čia dar nežinomas asmuo (identifikatorius {id})</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rūšis</translation>
    </message>
    <message>
        <source>Section or device</source>
        <translation>Plano dalis ar įrenginys</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Rasta</translation>
    </message>
    <message>
        <source>The merged text</source>
        <translation>Sujungtas tekstas</translation>
    </message>
    <message>
        <source>Shown version</source>
        <translation>Rodoma redakcija</translation>
    </message>
    <message>
        <source>Other version</source>
        <translation>Kita redakcija</translation>
    </message>
    <message>
        <source>Export a bundle</source>
        <translation>Eksportuoti duomenų paketą</translation>
    </message>
    <message>
        <source>KPlan bundles (*.kplanbundle)</source>
        <translation>KPlan duomenų paketai (*.kplanbundle)</translation>
    </message>
    <message>
        <source>Choose the shared folder</source>
        <translation>Pasirinkite bendrą aplanką</translation>
    </message>
    <message>
        <source>Exporting a bundle…</source>
        <translation>Eksportuojamas duomenų paketas…</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Importuoti duomenų paketus</translation>
    </message>
    <message>
        <source>KPlan bundles (*.kplanbundle);;All files (*)</source>
        <translation>KPlan duomenų paketai (*.kplanbundle);;Visi failai (*)</translation>
    </message>
    <message>
        <source>Checking the bundles…</source>
        <translation>Tikrinami duomenų paketai…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nieko neimportuota.</translation>
    </message>
    <message>
        <source>Sync page</source>
        <extracomment>The workspace changed (an import applied, a conflict resolved): views reload. Opens the Identity page over the trust question (its link); the person asked about. The last export, preview or import started (cancel it as its progress dialog does).</extracomment>
        <translation>Sinchronizavimo puslapis</translation>
    </message>
    <message>
        <source>Export a &amp;bundle…</source>
        <translation>Eksp&amp;ortuoti duomenų paketą…</translation>
    </message>
    <message>
        <source>Export to a shared fol&amp;der…</source>
        <translation>Eksportuoti į &amp;bendrą aplanką…</translation>
    </message>
    <message>
        <source>Everything (a f&amp;ull bundle)</source>
        <translation>Viską (&amp;visas paketas)</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>I&amp;mportuoti duomenų paketus…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Įrenginys</translation>
    </message>
    <message>
        <source>From change no.</source>
        <translation>Nuo pakeitimo Nr.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Laukia</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Priežastis</translation>
    </message>
    <message>
        <source>Imported bund&amp;les</source>
        <translation>Import&amp;uoti paketai</translation>
    </message>
    <message>
        <source>&amp;Peers and their keys</source>
        <translation>Kitos kopijos ir &amp;jų raktai</translation>
    </message>
    <message>
        <source>&amp;Trust the selected key…</source>
        <translation>Pa&amp;sitikėti pasirinktu raktu…</translation>
    </message>
    <message>
        <source>Revo&amp;ke the selected key</source>
        <translation>Atšaukti pasiri&amp;nktą raktą</translation>
    </message>
    <message>
        <source>Open &amp;conflicts</source>
        <translation>Neišspręsti n&amp;esutapimai</translation>
    </message>
    <message>
        <source>Common b&amp;ase</source>
        <translation>Bendra pradinė redak&amp;cija</translation>
    </message>
    <message>
        <source>Merged te&amp;xt (edit)</source>
        <translation>Sujungtas tekstas (&amp;galima taisyti)</translation>
    </message>
    <message>
        <source>Keep the sho&amp;wn version</source>
        <translation>Pa&amp;likti rodomą redakciją</translation>
    </message>
    <message>
        <source>Keep the &amp;other version</source>
        <translation>Palikti &amp;kitą redakciją</translation>
    </message>
    <message>
        <source>Save the &amp;merged text</source>
        <translation>Įraš&amp;yti sujungtą tekstą</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Eksportas atšauktas; failas neįrašytas.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote {path}: %n change(s), {size} kB.</source>
        <translation>
            <numerusform>Įrašytas {path}: %n pakeitimas, {size} kB.</numerusform>
            <numerusform>Įrašytas {path}: %n pakeitimai, {size} kB.</numerusform>
            <numerusform>Įrašytas {path}: %n pakeitimų, {size} kB.</numerusform>
        </translation>
    </message>
    <message>
        <source>the sender the file calls “{name}”, who is not known here yet</source>
        <translation>siuntėjas, kurį failas vadina „{name}“, čia dar nežinomas</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importas atšauktas; niekas nepakeista.</translation>
    </message>
    <message>
        <source>Importing bundles…</source>
        <translation>Importuojami duomenų paketai…</translation>
    </message>
    <message>
        <source>{file}: signed by {who} ({trust}), fingerprint {fp}</source>
        <translation>{file}: pasirašė {who} ({trust}), atpažinimo kodas {fp}</translation>
    </message>
    <message>
        <source>new or changed {what}: {n}</source>
        <translation>nauji ar pakeisti – {what}: {n}</translation>
    </message>
    <message>
        <source>already here: {n}</source>
        <translation>jau yra: {n}</translation>
    </message>
    <message>
        <source>refused: {n} × {why}</source>
        <translation>atmesta: {n} × {why}</translation>
    </message>
    <message>
        <source>conflict: {what}</source>
        <translation>nesutapimas: {what}</translation>
    </message>
    <message>
        <source>Import these bundles?</source>
        <translation>Importuoti šiuos duomenų paketus?</translation>
    </message>
    <message>
        <source>Impo&amp;rt</source>
        <translation>Importuo&amp;ti</translation>
    </message>
    <message>
        <source>Confirm the signer&apos;s fingerprint</source>
        <translation>Patvirtinkite pasirašiusiojo atpažinimo kodą</translation>
    </message>
    <message>
        <source>Trust this key as the key of {who}? Everything signed with it will count as theirs, for good. Call them and read out the fingerprint; trust it only if it is the same on their screen (View → Identity).</source>
        <translation>Pasitikėti šiuo raktu? Jis bus priskirtas asmeniui: {who}. Viskas, kas juo pasirašyta, visam laikui bus laikoma šio asmens. Paskambinkite šiam asmeniui ir perskaitykite atpažinimo kodą; pasitikėkite tik tada, jei asmens ekrane kodas toks pat (Rodymas → Tapatybė).</translation>
    </message>
    <message>
        <source>Where is my own fingerprint? Open the Identity page…</source>
        <translation>Kur rasti savo atpažinimo kodą? Atverkite puslapį „Tapatybė“…</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>nežinomas asmuo</translation>
    </message>
    <message>
        <source>The conflict in section {code} is resolved.</source>
        <translation>Plano dalies {code} nesutapimas išspręstas.</translation>
    </message>
    <message>
        <source>a copy restored from a backup</source>
        <translation>kopija, atkurta iš atsarginės kopijos</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>dalyvavimas</translation>
    </message>
    <message>
        <source>meetings</source>
        <translation>posėdžiai</translation>
    </message>
    <message>
        <source>memberships</source>
        <translation>narystės</translation>
    </message>
    <message>
        <source>not trusted yet</source>
        <translation>dar nepatvirtintas</translation>
    </message>
    <message>
        <source>people</source>
        <translation>asmenys</translation>
    </message>
    <message>
        <source>remarks</source>
        <translation>pastabos</translation>
    </message>
    <message>
        <source>response templates</source>
        <translation>atsakymų šablonai</translation>
    </message>
    <message>
        <source>review rounds</source>
        <translation>svarstymo etapai</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>atšauktas</translation>
    </message>
    <message>
        <source>section texts</source>
        <translation>dalių tekstai</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>plano dalys</translation>
    </message>
    <message>
        <source>signed by a key this copy does not trust yet (fingerprint {fp})</source>
        <translation>pasirašyta raktu, kuriuo ši kopija dar nepasitiki (atpažinimo kodas {fp})</translation>
    </message>
    <message>
        <source>stamped more than a day ahead of this computer&apos;s clock (tried again later)</source>
        <translation>pažymėta laiku, daugiau nei para lenkiančiu šio kompiuterio laikrodį (bus bandoma vėliau)</translation>
    </message>
    <message>
        <source>the changes made before them on the same device are missing</source>
        <translation>trūksta ankstesnių to paties įrenginio pakeitimų</translation>
    </message>
    <message>
        <source>the plan</source>
        <translation>planas</translation>
    </message>
    <message>
        <source>they change {what} this copy does not have yet</source>
        <translation>jie keičia tai, ko ši kopija dar neturi: {what}</translation>
    </message>
    <message>
        <source>they refer to {what} this copy does not have yet</source>
        <translation>jie nurodo tai, ko ši kopija dar neturi: {what}</translation>
    </message>
    <message>
        <source>this copy&apos;s own key</source>
        <translation>šios kopijos raktas</translation>
    </message>
    <message>
        <source>trusted: fingerprint confirmed</source>
        <translation>patikimas: atpažinimo kodas patvirtintas</translation>
    </message>
    <message>
        <source>trusted: introduced by a secretary</source>
        <translation>patikimas: pristatė sekretorius</translation>
    </message>
    <message>
        <source>two versions of a section</source>
        <translation>dvi dalies redakcijos</translation>
    </message>
    <message>
        <source>waiting: {n} × {why}</source>
        <translation>laukia: {n} × {why}</translation>
    </message>
    <message>
        <source>working groups</source>
        <translation>darbo grupės</translation>
    </message>
    <message>
        <source>{name} ({email})</source>
        <translation>{name} ({email})</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Išsaugoti</translation>
    </message>
</context>
<context>
    <name>TrustFemale</name>
    <message>
        <source>Trust this key as the key of {who}? Everything signed with it will count as theirs, for good. Call them and read out the fingerprint; trust it only if it is the same on their screen (View → Identity).</source>
        <translation>Pasitikėti šiuo raktu? Jis bus priskirtas asmeniui: {who}. Viskas, kas juo pasirašyta, visam laikui bus laikoma jos. Paskambinkite jai ir perskaitykite atpažinimo kodą; pasitikėkite tik tada, jei jos ekrane kodas toks pat (Rodymas → Tapatybė).</translation>
    </message>
</context>
<context>
    <name>TrustMale</name>
    <message>
        <source>Trust this key as the key of {who}? Everything signed with it will count as theirs, for good. Call them and read out the fingerprint; trust it only if it is the same on their screen (View → Identity).</source>
        <translation>Pasitikėti šiuo raktu? Jis bus priskirtas asmeniui: {who}. Viskas, kas juo pasirašyta, visam laikui bus laikoma jo. Paskambinkite jam ir perskaitykite atpažinimo kodą; pasitikėkite tik tada, jei jo ekrane kodas toks pat (Rodymas → Tapatybė).</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>KPlan Desktop</source>
        <translation>KPlan Desktop</translation>
    </message>
    <message>
        <source>Review the draft of a strategic development plan with your working group: read the sections, write remarks, answer them and keep the group&apos;s records.</source>
        <translation>Svarstykite strateginio plėtros plano projektą su savo darbo grupe: skaitykite plano dalis, rašykite pastabas, atsakykite į jas ir tvarkykite grupės dokumentus.</translation>
    </message>
    <message>
        <source>&amp;Start a new plan…</source>
        <translation>Pradėti &amp;naują planą…</translation>
    </message>
    <message>
        <source>&amp;Open a workspace…</source>
        <translation>&amp;Atidaryti darbo failą…</translation>
    </message>
    <message>
        <source>Try the &amp;demo plan</source>
        <translation>Iš&amp;bandyti demonstracinį planą</translation>
    </message>
    <message>
        <source>&amp;Join a plan from a bundle…</source>
        <translation>Prisi&amp;jungti prie plano iš duomenų paketo…</translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation>Ne&amp;seniai atidaryti darbo failai</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Undoing: {what}…</source>
        <extracomment>Called after a command ran (what changed: &quot;remark&quot;, &quot;section&quot;, &quot;records&quot;; the ids). Called with an error a command&apos;s undo or redo met. Work on the workspace that runs off the UI thread, on the worker&apos;s own connection. Runs ``work`` in a worker with a progress dialog titled ``label``, then calls ``done(True)`` once it committed, or ``done(False)`` when it was cancelled or failed (rolled back; a failure already shown to the user).</extracomment>
        <translation>Atšaukiama: {what}…</translation>
    </message>
    <message>
        <source>Redoing: {what}…</source>
        <translation>Grąžinama: {what}…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong that should not have ({kind}). Nothing was changed. The details are in {path}; please send that file to whoever supports KPlan.</source>
        <translation>Įvyko klaida, kurios neturėjo būti ({kind}). Niekas nepakeista. Išsami informacija yra faile {path}; nusiųskite šį failą KPlan priežiūros specialistui.</translation>
    </message>
    <message>
        <source>KPlan</source>
        <translation>KPlan</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>(removed)</source>
        <translation>(pašalinta)</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autorius</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Pateikta</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupė</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Pastaba</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Pastabos</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Atsakymas</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Dalis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <source>The section&apos;s text has changed since this remark was made.</source>
        <translation>Plano dalies tekstas pasikeitė po to, kai pateikta ši pastaba.</translation>
    </message>
    <message>
        <source>This section was removed from the latest draft; the remark is kept.</source>
        <translation>Ši plano dalis pašalinta iš naujausio projekto; pastaba išsaugota.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipas</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>atsižvelgta</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>suderinta</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>pirmininkas</translation>
    </message>
    <message>
        <source>consultant</source>
        <translation>konsultantas</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>projektas</translation>
    </message>
    <message>
        <source>editorial</source>
        <translation>redakcinė</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>ekspertas</translation>
    </message>
    <message>
        <source>female</source>
        <translation>moteris</translation>
    </message>
    <message>
        <source>general</source>
        <translation>bendroji</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>tikslas</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>svarstoma</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>rodiklis</translation>
    </message>
    <message>
        <source>male</source>
        <translation>vyras</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>priemonė</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nauja</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>susipažinta</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>uždavinys</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>stebėtojas</translation>
    </message>
    <message>
        <source>partly accepted</source>
        <translation>iš dalies atsižvelgta</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioritetas</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>neatsižvelgta</translation>
    </message>
    <message>
        <source>removed from the latest draft; its remarks are kept</source>
        <translation>pašalinta iš naujausio projekto; jos pastabos išsaugotos</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>sekretorius</translation>
    </message>
    <message>
        <source>technical</source>
        <translation>esminė</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekstas</translation>
    </message>
    <message>
        <source>two versions of this text wait for a decision</source>
        <translation>dvi šio teksto redakcijos laukia sprendimo</translation>
    </message>
    <message>
        <source>under review</source>
        <translation>svarstoma</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>nenurodyta</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>vizija</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>atsiimta</translation>
    </message>
</context>
</TS>
