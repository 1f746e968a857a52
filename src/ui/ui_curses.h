/* ui_curses.h -- ncurses, wide, from wherever the system keeps it */
#ifndef PILCROW_UI_CURSES_H
#define PILCROW_UI_CURSES_H

#define _XOPEN_SOURCE_EXTENDED 1
#if defined HAVE_NCURSESW_CURSES_H
#include <ncursesw/curses.h>
#elif defined HAVE_NCURSES_H
#include <ncurses.h>
#else
#include <curses.h>
#endif

#ifndef CTRL
#define CTRL(c) ((c) & 0x1f)
#endif

#endif
