#ifndef CSQLITECONFIG_H
#define CSQLITECONFIG_H
#include <sqlite3.h>

/// Turns off the checkpoint SQLite runs when the last connection to a WAL database closes (and the deletion of the
/// -wal file that follows it). Each ssechat run would otherwise pay two fsyncs at exit and two more at the next
/// start to make a new -wal; the WAL is checkpointed as it grows instead (`wal_autocheckpoint`).
/// `sqlite3_db_config` is variadic, so Swift cannot call it directly. Returns SQLite's result code.
int ssechat_sqlite_keep_wal_on_close(sqlite3 *db);
#endif
