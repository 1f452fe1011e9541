"""What identifies a workspace file, without importing the migrations.

Opening a current file needs only these two numbers (read from the header),
so sqlite-utils is imported only when a file is made or migrated.
"""

#: Written into the SQLite header (offset 68) of every workspace: "KPLN".
APPLICATION_ID = 0x4B504C4E
#: The number of migrations in store/schema.py (a test keeps the two equal).
SCHEMA_VERSION = 6
