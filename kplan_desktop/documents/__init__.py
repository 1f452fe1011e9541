"""Documents that leave the program: the consolidated remarks (DOCX, PDF), the draft with
comments (DOCX), and the consultants' draft coming back in (DOCX import). No Qt here."""
