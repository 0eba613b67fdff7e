// The parts of libsystemd (Debian: libsystemd-dev) the Systemd target calls:
// sd_notify, sd_watchdog_enabled and sd_listen_fds (sd-daemon.h), sd_journal_sendv (sd-journal.h).
#ifndef ETL_BUILDER_CSYSTEMD_SHIM_H
#define ETL_BUILDER_CSYSTEMD_SHIM_H

#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
