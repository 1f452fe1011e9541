<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Lithuanian for the texts of Qt's own widgets the app shows (PySide6 ships no qtbase_lt.qm).
     Written by hand: the sources are Qt 6's own (context and text exactly as Qt asks for them;
     tests/ui/test_lithuanian_qt.py catches what Qt asks for and this file lacks).
     scripts/update_translations.py builds kplan_qt_lt.qm from it. -->
<TS version="2.1" language="lt_LT" sourcelanguage="en">
<context>
    <name>CloseButton</name>
    <message>
        <source>Close Tab</source>
        <translation>Uždaryti kortelę</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Diskas</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Failas</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Aplankas</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Failų aplankas</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Nuoroda</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Nuoroda</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Nežinomas</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Pažymėti viską</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Didin&amp;ti</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Mažinti</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>Open the combo box selection popup</source>
        <translation>Atverti išskleidžiamąjį sąrašą</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Gerai</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Atkabinti</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Vieta:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Failo vardas:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Failų &amp;tipas:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Atidaryti</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Išsaugoti</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pasirinkti</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Naujas aplankas</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Pervar&amp;dyti</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Pa&amp;šalinti</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Rodyti pa&amp;slėptus failus</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Atidaryti</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Išsaugoti kaip</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Rasti aplanką</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Aplankas:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Aplankai</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Failai</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Visi failai (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Visi failai (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atgal</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Pirmyn</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Grįžti atgal</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Eiti pirmyn</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Aukštesnis aplankas</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Eiti į aukštesnį aplanką</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Sukurti naują aplanką</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Sukurti naują aplanką</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Naujas aplankas</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Sąrašas</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Išsamus sąrašas</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Rodyti paprastą sąrašą</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Rodyti išsamų sąrašą</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Šoninė juosta</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Vietų ir žymių sąrašas</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Paskiausios vietos</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Pašalinti</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Pašalinti</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Rodyti </translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Nepavyko pašalinti aplanko.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>„%1“ jau yra.
Ar norite jį pakeisti?</translation>
    </message>
    <message>
        <source>'%1' is write protected.
Do you want to delete it anyway?</source>
        <translation>„%1“ apsaugotas nuo rašymo.
Ar vis tiek norite jį pašalinti?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>Ar tikrai norite pašalinti „%1“?</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Aplankas nerastas.
Patikrinkite, ar teisingai nurodėte aplanko vardą.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Failas nerastas.
Patikrinkite, ar teisingai nurodėte failo vardą.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dydis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rūšis</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Keitimo data</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Kompiuteris</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Mano kompiuteris</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Gerai</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Atšaukti</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Uždaryti</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Išsaugoti</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Uždaryti neišsaugojus</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Įveskite reikšmę:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Atšaukti</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Grąžinti</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Iškirpti</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopijuoti</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Į&amp;dėti</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Pašalinti</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pažymėti viską</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Rodyti išsamiau…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Slėpti išsamią informaciją…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Gerai</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Žinynas</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Gerai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Taip</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Ne</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Taip, &amp;visiems</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;e, nė vienam</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Išsaugoti</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Išsaugoti viską</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Atidaryti</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Taikyti</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Atmesti</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Žinynas</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atkurti</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Atkurti numatytąsias</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Nutraukti</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Bandyti dar kartą</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nepaisyti</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Atšaukti</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Slinkti čia</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Į viršų</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Į apačią</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Kairysis kraštas</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Dešinysis kraštas</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Puslapis aukštyn</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Puslapis žemyn</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Puslapis kairėn</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Puslapis dešinėn</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Slinkti aukštyn</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Slinkti žemyn</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Slinkti kairėn</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Slinkti dešinėn</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Slinkti kairėn</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Slinkti dešinėn</translation>
    </message>
</context>
<context>
    <name>QUndoStack</name>
    <message>
        <source>Undo</source>
        <translation>Atšaukti</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Grąžinti</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Atšaukti: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Grąžinti: %1</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Įterpti Unikodo valdymo simbolį</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Atšaukti</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Grąžinti</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Iškirpti</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopijuoti</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopijuoti &amp;saito adresą</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Į&amp;dėti</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Pašalinti</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pažymėti viską</translation>
    </message>
</context>
</TS>
