/* SPDX-License-Identifier: BSD-3-Clause */
/* libc-name.h: FW_LIBC(name) gives a libc-style symbol its firmware or host-test name. */
#ifndef FW_LIB_LIBC_NAME_H
#define FW_LIB_LIBC_NAME_H

/*
 * In firmware the library provides the ISO C names itself (memcpy, snprintf, ...). Host unit tests
 * compile the same sources with FW_LIBC_PREFIXED so that they become fw_memcpy, fw_snprintf, ...
 * and can be compared with the host libc they are linked against, without symbol clashes.
 */
#ifdef FW_LIBC_PREFIXED
#define FW_LIBC(name) fw_##name
#else
#define FW_LIBC(name) name
#endif

#endif
