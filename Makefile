# routemap - plain GNU make, no ./configure.
#
#   make            build ./routemap
#   make run        open the built-in demo office
#   make check      install what is missing, run every test, then again
#                   under ASan+UBSan
#   make asan       the test suite under AddressSanitizer + UBSan
#   make valgrind   the unit tests and the CLI tests under valgrind
#   make fuzz       the libFuzzer harnesses (tests/fuzz/), FUZZ_SECONDS each
#   make torture    bad days at length: kill -9 over the screens 250 times,
#                   many writers and readers, two Unix users, symlinks,
#                   a full disk (make check runs a short round of each)
#   make bench      time the commands and every key at demo, province and
#                   ten provinces' scale (the data made once, kept), and
#                   each report across units
#   make install    PREFIX=/usr/local DESTDIR=
#   make deps       install missing Debian packages (root) or say how

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share/routemap
LOCALEDIR  ?= $(PREFIX)/share/locale
DESTDIR    ?=

# Where objects go; the sanitizer build uses its own.
B          ?= build
CC         ?= cc
CFLAGS     ?= -O2 -g
WARNINGS   := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
              -Wmissing-prototypes -Wformat=2 -Wvla
PKGS       := sqlite3 libthai ncursesw xlsxwriter nettle
# iniparser ships no pkg-config file on Debian.
INI_CFLAGS := -I/usr/include/iniparser
INI_LIBS   := -liniparser

ALL_CPPFLAGS = -Iinclude -I$(B)/gen $(INI_CFLAGS) $(shell pkg-config --cflags $(PKGS)) \
               -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
               -DROUTEMAP_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARNINGS) $(CFLAGS)
LIBS         = $(shell pkg-config --libs $(PKGS)) $(INI_LIBS) -lm

CORE_SRC := $(sort $(wildcard tui/core/*.c))
CLI_SRC  := $(sort $(wildcard tui/cli/*.c))
UI_SRC   := $(sort $(wildcard tui/ui/*.c))
DEMO_CSV := $(sort $(wildcard config/demo/*.csv))
CORE_OBJ  = $(CORE_SRC:%.c=$(B)/%.o) $(B)/gen/demo_data.o
CLI_OBJ   = $(CLI_SRC:%.c=$(B)/%.o) $(UI_SRC:%.c=$(B)/%.o) $(B)/tui/main.o
MO        = $(B)/locale/th/LC_MESSAGES/routemap.mo
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

# Debian packages: to build, to test, to check the man pages.
DEB_PKGS := gcc make pkg-config libsqlite3-dev libiniparser-dev libthai-dev \
            libthai-data libncurses-dev libcmocka-dev sqlite3 tmux mandoc \
            valgrind gettext locales clang libclang-rt-14-dev libxlsxwriter-dev nettle-dev python3 \
            openssh-server openssh-client

.PHONY: all run check test test-unit test-cli test-tui test-exchange test-torture torture asan valgrind valgrind-cli bench \
        install uninstall deps clean lint-man lint-house man-keys man-ini \
        asan-tui

all: routemap

routemap: $(B)/routemap $(MO)
	cp $(B)/routemap $@

$(B)/routemap: $(CLI_OBJ) $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/%.o: %.c $(wildcard include/routemap/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The demo office's sample data is compiled into the binary, so that
# `routemap --demo` works wherever the binary is.
$(B)/gen/demo_data.c: $(DEMO_CSV) config/embed.sh
	@mkdir -p $(dir $@)
	sh config/embed.sh $(DEMO_CSV) > $@.tmp && mv $@.tmp $@

$(B)/gen/demo_data.o: $(B)/gen/demo_data.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The Thai catalogue, found beside the binary when it runs from here.
$(MO): po/th.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ po/th.po

# Strings to translate: _() and N_() in the code, the help texts of the
# action table.  POT=FILE writes them elsewhere (the CLI tests compare a
# fresh one with po/th.po).
POT ?= po/routemap.pot
$(POT): $(CORE_SRC) $(CLI_SRC) $(UI_SRC) tui/main.c include/routemap/action.h
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1c,2 -kACTION:4 --add-comments=TRANSLATORS \
	  --package-name=routemap --no-location -o $@ $^

$(B)/tests/test_%: tests/unit/test_%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka

run: deps
	@$(MAKE) --no-print-directory all
	./routemap --demo

# check: what CI runs.  Installs what is missing, builds, runs the short
# torture, then every test under a tool: the unit programs and the screens
# under ASan+UBSan, the CLI tests under valgrind (make asan and make
# valgrind run every test under each; both together take twice the ten
# minutes on two processors).  The CLI tests use one processor and the
# screen tests wait on tmux more than they compute, so the two run side by
# side, the exchange between offices after the screens; then the fuzzers
# beside the lint.
check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@$(MAKE) --no-print-directory test-torture
	@$(ASAN_MAKE) build/asan/routemap build/asan/locale/th/LC_MESSAGES/routemap.mo
	@$(ASAN_MAKE) test-unit
	@{ $(MAKE) --no-print-directory asan-tui && \
	   $(MAKE) --no-print-directory test-exchange; } >$(B)/asan-tui.log 2>&1 & tui=$$!; \
	  $(MAKE) --no-print-directory valgrind-cli; v=$$?; \
	  wait $$tui; t=$$?; cat $(B)/asan-tui.log; [ $$v -eq 0 ] && [ $$t -eq 0 ]
	@$(MAKE) --no-print-directory fuzz-check >$(B)/fuzz-check.log 2>&1 & fz=$$!; \
	  $(MAKE) --no-print-directory lint-man && $(MAKE) --no-print-directory lint-house; l=$$?; \
	  wait $$fz; f=$$?; cat $(B)/fuzz-check.log; [ $$l -eq 0 ] && [ $$f -eq 0 ]
	@echo "make check: all passed"

test: test-unit test-cli test-exchange test-tui

test-unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

test-cli: $(B)/routemap $(MO)
	@sh tests/cli/run.sh $(B)/routemap

# Between offices: a simulated province exchanging bundle files, sync over
# ssh (to an sshd the test starts, or a fake).
test-exchange: $(B)/routemap $(MO)
	@sh tests/exchange/run.sh $(B)/routemap

# The screens, driven in tmux.
test-tui: $(B)/routemap $(MO)
	@sh tests/tui/run.sh $(B)/routemap

# A short round of the bad days (make torture: the long one).
test-torture: $(B)/routemap $(MO)
	@sh tests/torture/run.sh $(B)/routemap short

torture: $(B)/routemap $(MO)
	@sh tests/torture/run.sh $(B)/routemap long

# The whole suite under ASan+UBSan in build/asan; make check runs it in
# parts (the screens, asan-tui, beside the CLI tests).
ASAN_MAKE = $(MAKE) --no-print-directory B=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined"
asan:
	@$(ASAN_MAKE) test
asan-tui:
	@$(ASAN_MAKE) test-tui

# The CLI tests (one command at a time) run beside the unit programs (as
# many at once as there are processors): valgrind's time is the machine's.
VALGRIND_RUN := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
valgrind: $(UNIT_BIN) $(B)/routemap $(MO)
	@$(MAKE) --no-print-directory valgrind-cli >$(B)/valgrind-cli.log 2>&1 & \
	  cli=$$!; \
	  VALGRIND="$(VALGRIND_RUN)" sh tests/run-unit.sh $(UNIT_BIN); unit=$$?; \
	  wait $$cli; rc=$$?; cat $(B)/valgrind-cli.log; [ $$unit -eq 0 ] && [ $$rc -eq 0 ]

# The CLI tests under valgrind (make check runs these beside the rest).
valgrind-cli: $(B)/routemap $(MO)
	@VALGRIND="$(VALGRIND_RUN)" sh tests/cli/run.sh $(B)/routemap

# Speed and memory on a province's worth of data (never timed in tests).
# The province and ten provinces' data are made once into BENCH_CACHE.
BENCH_CACHE ?= $(B)/bench-cache
bench: $(B)/routemap $(MO) $(B)/bench/commit $(B)/bench/plain
	@sh bench/run.sh $(B)/routemap $(B)/bench/commit $(B)/bench/plain
	@sh bench/screens.sh $(B)/routemap
	@sh bench/actions.sh $(B)/routemap $(BENCH_CACHE)
	@sh bench/reports.sh $(B)/routemap $(BENCH_CACHE)
	@sh bench/exchange.sh $(B)/routemap $(BENCH_CACHE)

$(B)/bench/commit $(B)/bench/plain: $(B)/bench/%: bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# The key table of routemap(1) comes from the action table.
man-keys:
	@sh man/keys.sh > build/keys.roff.tmp 2>/dev/null || { mkdir -p build; sh man/keys.sh > build/keys.roff.tmp; }
	@awk 'BEGIN { while ((getline l < "build/keys.roff.tmp") > 0) t = t l "\n" } \
	  /^\.\\" KEYS-BEGIN/ { print; printf "%s", t; skip = 1; next } \
	  /^\.\\" KEYS-END/ { skip = 0 } !skip' man/routemap.1 > man/routemap.1.tmp && \
	  mv man/routemap.1.tmp man/routemap.1 && rm -f build/keys.roff.tmp

# The house rules: file and function sizes, core/ without curses, screens
# without SQL, views opened through the router.
lint-house:
	@sh tests/lint/house.sh

# The key list of routemap.ini(5) comes from the INI key table; lint-man
# also checks the page's sections and config/routemap.ini against it.
$(B)/inikeys: man/inikeys.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

man-ini: $(B)/inikeys
	@$(B)/inikeys roff > $(B)/inikeys.roff.tmp
	@awk -v f=$(B)/inikeys.roff.tmp 'BEGIN { while ((getline l < f) > 0) t = t l "\n" } \
	  /^\.\\" INI-KEYS-BEGIN/ { print; printf "%s", t; skip = 1; next } \
	  /^\.\\" INI-KEYS-END/ { skip = 0 } !skip' man/routemap.ini.5 > man/routemap.ini.5.tmp && \
	  mv man/routemap.ini.5.tmp man/routemap.ini.5 && rm -f $(B)/inikeys.roff.tmp

lint-man: $(B)/inikeys
	@$(B)/inikeys check man/routemap.ini.5 config/routemap.ini || \
	  { echo "man/routemap.ini.5 or config/routemap.ini disagrees with the INI key table; see above"; exit 1; }
	@sh man/keys.sh > build/keys.roff.check 2>/dev/null || { mkdir -p build; sh man/keys.sh > build/keys.roff.check; }
	@awk '/^\.\\" KEYS-BEGIN/ { on = 1; next } /^\.\\" KEYS-END/ { on = 0 } on' man/routemap.1 | \
	  cmp -s - build/keys.roff.check || { echo "man/routemap.1: the key table is not the action table's; run make man-keys"; exit 1; }
	@for m in man/routemap.1 man/routemap.ini.5; do \
	  out=$$(mandoc -Tlint -W warning $$m 2>&1); \
	  if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; \
	done; echo "man pages: mandoc -Tlint clean"

install: routemap
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(DATADIR)
	install -m 0755 routemap $(DESTDIR)$(BINDIR)/routemap
	install -m 0644 man/routemap.1 $(DESTDIR)$(MANDIR)/man1/routemap.1
	install -m 0644 man/routemap.ini.5 $(DESTDIR)$(MANDIR)/man5/routemap.ini.5
	install -m 0644 config/routemap.ini $(DESTDIR)$(DATADIR)/routemap.ini.sample
	install -d $(DESTDIR)$(LOCALEDIR)/th/LC_MESSAGES
	install -m 0644 $(MO) $(DESTDIR)$(LOCALEDIR)/th/LC_MESSAGES/routemap.mo

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/routemap $(DESTDIR)$(MANDIR)/man1/routemap.1 \
	  $(DESTDIR)$(MANDIR)/man5/routemap.ini.5 $(DESTDIR)$(DATADIR)/routemap.ini.sample \
	  $(DESTDIR)$(LOCALEDIR)/th/LC_MESSAGES/routemap.mo
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

# deps: as root, install what is missing (apt-get update first); otherwise
# print the one command to run.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	  echo "deps: missing packages; run:"; echo "  sudo apt-get install$$missing"; exit 1; \
	fi

clean:
	rm -rf build routemap

# The fuzzers: make fuzz, make fuzz-check (after the variables above).
include tests/fuzz/Makefile.inc

-include $(shell find $(B) -name '*.d' 2>/dev/null)
