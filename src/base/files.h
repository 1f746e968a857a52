/* files.h -- small things done to files and folders. */
#ifndef PILCROW_FILES_H
#define PILCROW_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define FILES_PATH 4096

/* pilcrow's cache folder ($XDG_CACHE_HOME/pilcrow, or ~/.cache/pilcrow),
 * made when missing; false (and why) when it cannot be. */
bool files_cache_dir(char *out, size_t n, char *err, size_t errsize);

/* A 64-bit checksum of a file's bytes; false when it cannot be read. */
bool files_checksum(const char *path, uint64_t *sum, uint64_t *size);
/* The checksum of @n bytes of @fd at @off, mixed into *@h. */
bool files_sum_part(int fd, off_t off, off_t n, uint64_t *h);
/* The checksum's step: @n more bytes at @p after @h. */
uint64_t files_mix(uint64_t h, const void *p, size_t n);

/* Removes folder @path and the files in it. */
void files_remove_dir(const char *path);

/* Moves @dir/@name aside as @dir/@name.bad-DATE (-2, -3 ... when that is
 * taken); the new name in @out. */
bool files_set_aside(const char *dir, const char *name, char *out, size_t n);

/* Writes @text to @path atomically (a temporary file, then rename). */
bool files_write(const char *path, const char *text);

/* Writes all of @p to @fd; on failure errno says why, ENOSPC for a write
 * that stopped short without an error (a full disk). */
bool files_write_all(int fd, const char *p, size_t n);

/* Reads a small file into @out (NUL-terminated); false when it cannot. */
bool files_read(const char *path, char *out, size_t n);

/* A path as a person types it, made whole: ~ and ~/..., $HOME and
 * ${HOME} at its start become the home folder, and a relative path is
 * made absolute from the working folder.  False (and why in @err) when it
 * cannot be. */
bool files_user_path(const char *typed, char *out, size_t n, char *err, size_t errsize);

#endif
