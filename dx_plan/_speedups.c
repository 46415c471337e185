/* dx_plan._speedups: the reader's row loop and the engine's counting, in C.
 *
 * An optional accelerator, like json's _json: every function here has a
 * pure-Python twin (reader/rows.py `converter`, reader/dedupe.py `HashTable`,
 * engine.py `Accumulator.add`) that stays the reference.  The C path handles
 * the common row only (every lookup already memoised, no problem to report)
 * and hands anything else back to the Python converter, so the two paths give
 * byte-identical results (tests/test_fastpath.py checks this on random logs).
 *
 * Types:
 *   HashTable  dict[int, int] of 64-bit keys (reader/dedupe.py has the twin)
 *   Tally      the engine's counters, fed by Rows (engine.Accumulator.fast_tally)
 *   Lines      physical lines for csv.reader (reader/delimited.py LineFeed has the twin)
 *   Rows       the row loop of one file layout (reader/rows.py RowChecker.fast)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <structmember.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ HashTable */

typedef struct {
    PyObject_HEAD
    int64_t *keys;
    int64_t *values;
    uint64_t mask;
    Py_ssize_t used;
} HashTableObject;

static int
table_alloc(HashTableObject *self, uint64_t size)
{
    self->keys = PyMem_Calloc(size, sizeof(int64_t));
    self->values = PyMem_Calloc(size, sizeof(int64_t));
    if (self->keys == NULL || self->values == NULL) {
        PyMem_Free(self->keys);
        PyMem_Free(self->values);
        self->keys = self->values = NULL;
        PyErr_NoMemory();
        return -1;
    }
    self->mask = size - 1;
    return 0;
}

static int
HashTable_init(HashTableObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"capacity", NULL};
    Py_ssize_t capacity = 1 << 12;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|n", kwlist, &capacity))
        return -1;
    uint64_t size = 16;
    while (size < (uint64_t)(capacity > 0 ? capacity : 1))
        size <<= 1;
    PyMem_Free(self->keys);
    PyMem_Free(self->values);
    self->keys = self->values = NULL;
    self->used = 0;
    return table_alloc(self, size);
}

static void
HashTable_dealloc(HashTableObject *self)
{
    PyMem_Free(self->keys);
    PyMem_Free(self->values);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
table_grow(HashTableObject *self)
{
    int64_t *old_keys = self->keys, *old_values = self->values;
    uint64_t old_size = self->mask + 1;
    if (table_alloc(self, old_size * 2) < 0) {
        self->keys = old_keys;
        self->values = old_values;
        self->mask = old_size - 1;
        return -1;
    }
    for (uint64_t i = 0; i < old_size; i++) {
        int64_t key = old_keys[i];
        if (key) {
            uint64_t slot = (uint64_t)key & self->mask;
            while (self->keys[slot])
                slot = (slot + 1) & self->mask;
            self->keys[slot] = key;
            self->values[slot] = old_values[i];
        }
    }
    PyMem_Free(old_keys);
    PyMem_Free(old_values);
    return 0;
}

/* The value stored for key, storing value first when the key is new (-1 + error: no memory).
 * Mirrors HashTable.setdefault in dedupe.py: 0 marks an empty slot, so key 0 is stored as 1. */
static int
table_setdefault(HashTableObject *self, int64_t key, int64_t value, int64_t *found)
{
    if (key == 0)
        key = 1;
    uint64_t slot = (uint64_t)key & self->mask;
    for (;;) {
        int64_t k = self->keys[slot];
        if (k == key) {
            *found = self->values[slot];
            return 0;
        }
        if (k == 0) {
            self->keys[slot] = key;
            self->values[slot] = value;
            self->used++;
            *found = value;
            if (3 * (uint64_t)self->used > 2 * (self->mask + 1))
                return table_grow(self);
            return 0;
        }
        slot = (slot + 1) & self->mask;
    }
}

static PyObject *
HashTable_setdefault(HashTableObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "setdefault(key, value) takes 2 arguments");
        return NULL;
    }
    if (self->keys == NULL) {
        PyErr_SetString(PyExc_ValueError, "HashTable is not initialised");
        return NULL;
    }
    long long key = PyLong_AsLongLong(args[0]);
    if (key == -1 && PyErr_Occurred())
        return NULL;
    long long value = PyLong_AsLongLong(args[1]);
    if (value == -1 && PyErr_Occurred())
        return NULL;
    int64_t found;
    if (table_setdefault(self, key, value, &found) < 0)
        return NULL;
    return PyLong_FromLongLong(found);
}

static Py_ssize_t
HashTable_len(HashTableObject *self)
{
    return self->used;
}

static PyMethodDef HashTable_methods[] = {
    {"setdefault", (PyCFunction)(void (*)(void))HashTable_setdefault, METH_FASTCALL,
     "The value stored for key, storing value first when the key is new."},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods HashTable_as_sequence = {
    .sq_length = (lenfunc)HashTable_len,
};

static PyTypeObject HashTableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dx_plan._speedups.HashTable",
    .tp_basicsize = sizeof(HashTableObject),
    .tp_dealloc = (destructor)HashTable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A dict[int, int] of 64-bit keys in two flat arrays (linear probing).",
    .tp_methods = HashTable_methods,
    .tp_as_sequence = &HashTable_as_sequence,
    .tp_init = (initproc)HashTable_init,
    .tp_new = PyType_GenericNew,
};

/* ------------------------------------------------------------------ helpers */

static PyObject *str_strip, *str_lines, *str_current_unit, *str_nfc, *str_deadline;
static PyObject *empty_str, *empty_tuple;

/* Day ordinal (1 = 0001-01-01) of a date, as date.toordinal(). */
static long
date_ordinal(PyObject *d)
{
    int y = PyDateTime_GET_YEAR(d), m = PyDateTime_GET_MONTH(d), day = PyDateTime_GET_DAY(d);
    static const int before[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    long yy = y - 1;
    long n = yy * 365 + yy / 4 - yy / 100 + yy / 400 + before[m] + day;
    if (m > 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        n += 1;
    return n;
}

/* str.strip() without a method call when there is nothing to strip (new reference). */
static PyObject *
strip(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0) {
        Py_INCREF(s);
        return s;
    }
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, 0))
        && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, n - 1))) {
        Py_INCREF(s);
        return s;
    }
    return PyObject_CallMethodNoArgs(s, str_strip);
}

/* dict[key] += amount (amount a Python int); -1 on error. */
static int
dict_add(PyObject *dict, PyObject *key, PyObject *amount)
{
    PyObject *old = PyDict_GetItemWithError(dict, key);
    PyObject *sum;
    if (old == NULL) {
        if (PyErr_Occurred())
            return -1;
        Py_INCREF(amount);
        sum = amount;
    } else {
        sum = PyNumber_Add(old, amount);
        if (sum == NULL)
            return -1;
    }
    int rc = PyDict_SetItem(dict, key, sum);
    Py_DECREF(sum);
    return rc;
}

static PyObject *one;  /* the int 1 */

/* dict[a][b] of a two-level memo (borrowed; NULL: a miss, or an error if one is set). */
static PyObject *
lookup2(PyObject *dict, PyObject *a, PyObject *b)
{
    PyObject *inner = PyDict_GetItemWithError(dict, a);
    if (inner == NULL)
        return NULL;
    if (!PyDict_CheckExact(inner)) {
        PyErr_SetString(PyExc_TypeError, "a two-level memo holds dicts");
        return NULL;
    }
    return PyDict_GetItemWithError(inner, b);
}

/* ------------------------------------------------------------------ Tally */

/* The engine's counters (engine.Accumulator.add for single-day entries).
 * `targets` is None in count-only mode (validate): entries are only counted. */
typedef struct {
    PyObject_HEAD
    PyObject *targets;      /* dict (unit, channel, task, kind) -> tuple of targets, or None */
    PyObject *targets_for;  /* callable(key) -> targets (memoises) */
    PyObject *parents;      /* dict unit -> parent id or None */
    PyObject *by_unit;      /* dict unit -> entries delivered in the window */
    PyObject *keep;         /* frozenset: units whose entries go to Python (evidence) */
    long last_day, window_start;  /* ordinals */
    Py_ssize_t counted;
    long first, last;       /* ordinals of the earliest / latest entry; 0 when none */
} TallyObject;

static int
Tally_init(TallyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"targets", "targets_for", "parents", "by_unit", "keep",
                             "last_day", "window_start", NULL};
    PyObject *targets, *targets_for, *parents, *by_unit, *keep;
    long last_day, window_start;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOOll", kwlist, &targets, &targets_for,
                                     &parents, &by_unit, &keep, &last_day, &window_start))
        return -1;
    if (targets != Py_None && (!PyDict_CheckExact(targets) || !PyDict_CheckExact(parents)
                               || !PyDict_CheckExact(by_unit) || !PyAnySet_Check(keep))) {
        PyErr_SetString(PyExc_TypeError, "Tally: targets, parents, by_unit must be dicts, "
                                         "keep a frozenset");
        return -1;
    }
    Py_INCREF(targets); Py_XSETREF(self->targets, targets);
    Py_INCREF(targets_for); Py_XSETREF(self->targets_for, targets_for);
    Py_INCREF(parents); Py_XSETREF(self->parents, parents);
    Py_INCREF(by_unit); Py_XSETREF(self->by_unit, by_unit);
    Py_INCREF(keep); Py_XSETREF(self->keep, keep);
    self->last_day = last_day;
    self->window_start = window_start;
    self->counted = 0;
    self->first = self->last = 0;
    return 0;
}

static int
Tally_traverse(TallyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->targets);
    Py_VISIT(self->targets_for);
    Py_VISIT(self->parents);
    Py_VISIT(self->by_unit);
    Py_VISIT(self->keep);
    return 0;
}

static int
Tally_clear(TallyObject *self)
{
    Py_CLEAR(self->targets);
    Py_CLEAR(self->targets_for);
    Py_CLEAR(self->parents);
    Py_CLEAR(self->by_unit);
    Py_CLEAR(self->keep);
    return 0;
}

static void
Tally_dealloc(TallyObject *self)
{
    PyObject_GC_UnTrack(self);
    Tally_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Tally_members[] = {
    {"counted", T_PYSSIZET, offsetof(TallyObject, counted), READONLY, "entries counted"},
    {"first", T_LONG, offsetof(TallyObject, first), READONLY, "earliest date (ordinal; 0: none)"},
    {"last", T_LONG, offsetof(TallyObject, last), READONLY, "latest date (ordinal; 0: none)"},
    {NULL},
};

static PyTypeObject TallyType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dx_plan._speedups.Tally",
    .tp_basicsize = sizeof(TallyObject),
    .tp_dealloc = (destructor)Tally_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The engine's counters, fed by Rows (see engine.Accumulator.fast_tally).",
    .tp_traverse = (traverseproc)Tally_traverse,
    .tp_clear = (inquiry)Tally_clear,
    .tp_members = Tally_members,
    .tp_init = (initproc)Tally_init,
    .tp_new = PyType_GenericNew,
};

/* 1: counted; 0: the entry must go to Python (its unit keeps evidence); -1: error.
 * A single-day entry (end == day), as every fast row is. */
static int
tally_add(TallyObject *t, long day, PyObject *unit, PyObject *channel, PyObject *task,
          PyObject *kind, PyObject *quantity)
{
    if (t->targets == NULL) {
        PyErr_SetString(PyExc_ValueError, "Tally is not initialised");
        return -1;
    }
    if (t->targets == Py_None) {
        t->counted++;
        return 1;
    }
    int keep = PySet_Contains(t->keep, unit);
    if (keep < 0)
        return -1;
    if (keep)
        return 0;
    t->counted++;
    if (t->first == 0 || day < t->first)
        t->first = day;
    if (t->last == 0 || day > t->last)
        t->last = day;
    if (day <= t->last_day && day >= t->window_start) {
        if (dict_add(t->by_unit, unit, one) < 0)
            return -1;
        PyObject *parent = PyDict_GetItemWithError(t->parents, unit);
        if (parent == NULL && PyErr_Occurred())
            return -1;
        if (parent != NULL && parent != Py_None) {
            int truthy = PyObject_IsTrue(parent);
            if (truthy < 0)
                return -1;
            if (truthy && dict_add(t->by_unit, parent, one) < 0)
                return -1;
        }
    }
    PyObject *targets = lookup2(t->targets, unit, channel);
    if (targets == NULL) {
        if (PyErr_Occurred())
            return -1;
        PyObject *args[2] = {unit, channel};
        targets = PyObject_Vectorcall(t->targets_for, args, 2, NULL);
        if (targets == NULL)
            return -1;
    } else {
        Py_INCREF(targets);
    }
    int rc = 1;
    if (!PyTuple_Check(targets)) {
        PyErr_SetString(PyExc_TypeError, "targets_for must return a tuple");
        rc = -1;
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(targets); i++) {
        PyObject *target = PyTuple_GET_ITEM(targets, i);
        if (!PyTuple_Check(target) || PyTuple_GET_SIZE(target) != 6) {
            PyErr_SetString(PyExc_TypeError, "a target is (bucket, labels, lo, hi, task, kinds)");
            rc = -1;
            goto done;
        }
        PyObject *rule_task = PyTuple_GET_ITEM(target, 4);
        if (task != Py_None && task != rule_task) {
            int same = PyObject_RichCompareBool(task, rule_task, Py_EQ);
            if (same < 0) {
                rc = -1;
                goto done;
            }
            if (!same)
                continue;
        }
        PyObject *kinds = PyTuple_GET_ITEM(target, 5);
        if (kinds != Py_None) {
            int in = PySet_Contains(kinds, kind);
            if (in < 0) {
                rc = -1;
                goto done;
            }
            if (!in)
                continue;
        }
        PyObject *bucket = PyTuple_GET_ITEM(target, 0);
        PyObject *labels = PyTuple_GET_ITEM(target, 1);
        long lo = PyLong_AsLong(PyTuple_GET_ITEM(target, 2));
        long hi = PyLong_AsLong(PyTuple_GET_ITEM(target, 3));
        if ((lo == -1 || hi == -1) && PyErr_Occurred()) {
            rc = -1;
            goto done;
        }
        if (day < lo || day > hi)
            continue;
        PyObject *label;
        if (labels == Py_None) {
            label = str_deadline;
        } else {
            if (!PyTuple_Check(labels) || day - lo >= PyTuple_GET_SIZE(labels)) {
                PyErr_SetString(PyExc_ValueError, "a target's labels do not cover lo..hi");
                rc = -1;
                goto done;
            }
            label = PyTuple_GET_ITEM(labels, day - lo);
        }
        if (dict_add(bucket, label, quantity) < 0) {
            rc = -1;
            goto done;
        }
    }
done:
    Py_DECREF(targets);
    return rc;
}

/* ------------------------------------------------------------------ Lines */

/* The C twin of reader/delimited.py LineFeed.__iter__: physical lines for csv.reader,
 * counted, bounded by `limit`; an over-long piece goes to `on_long`, which returns
 * the stand-in line to yield (and records what the line was). */
typedef struct {
    PyObject_HEAD
    PyObject *readline;
    PyObject *limit_obj;
    PyObject *on_long;
    PyObject *last;
    Py_ssize_t limit;
    Py_ssize_t lines;
} LinesObject;

static int
Lines_init(LinesObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"readline", "limit", "on_long", NULL};
    PyObject *readline, *on_long;
    Py_ssize_t limit;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OnO", kwlist, &readline, &limit, &on_long))
        return -1;
    if (limit < 1) {
        PyErr_SetString(PyExc_ValueError, "limit must be at least 1");
        return -1;
    }
    PyObject *limit_obj = PyLong_FromSsize_t(limit);
    if (limit_obj == NULL)
        return -1;
    Py_XSETREF(self->limit_obj, limit_obj);
    Py_INCREF(readline);
    Py_XSETREF(self->readline, readline);
    Py_INCREF(on_long);
    Py_XSETREF(self->on_long, on_long);
    Py_INCREF(empty_str);
    Py_XSETREF(self->last, empty_str);
    self->limit = limit;
    self->lines = 0;
    return 0;
}

static int
Lines_traverse(LinesObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->readline);
    Py_VISIT(self->limit_obj);
    Py_VISIT(self->on_long);
    Py_VISIT(self->last);
    return 0;
}

static int
Lines_clear(LinesObject *self)
{
    Py_CLEAR(self->readline);
    Py_CLEAR(self->limit_obj);
    Py_CLEAR(self->on_long);
    Py_CLEAR(self->last);
    return 0;
}

static void
Lines_dealloc(LinesObject *self)
{
    PyObject_GC_UnTrack(self);
    Lines_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Lines_next(LinesObject *self)
{
    if (self->readline == NULL) {
        PyErr_SetString(PyExc_ValueError, "Lines is not initialised");
        return NULL;
    }
    PyObject *line = PyObject_CallOneArg(self->readline, self->limit_obj);
    if (line == NULL)
        return NULL;
    if (!PyUnicode_Check(line)) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_TypeError, "readline must return str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    if (n == 0) {
        Py_DECREF(line);
        return NULL;  /* the end: StopIteration */
    }
    self->lines++;
    if (n == self->limit) {
        Py_UCS4 c = PyUnicode_READ_CHAR(line, n - 1);
        if (c != '\r' && c != '\n') {
            PyObject *stand_in = PyObject_CallOneArg(self->on_long, line);
            Py_DECREF(line);
            Py_INCREF(empty_str);
            Py_XSETREF(self->last, empty_str);
            return stand_in;
        }
    }
    Py_INCREF(line);
    Py_XSETREF(self->last, line);
    return line;
}

static PyMemberDef Lines_members[] = {
    {"lines", T_PYSSIZET, offsetof(LinesObject, lines), 0, "physical lines consumed so far"},
    {"last", T_OBJECT_EX, offsetof(LinesObject, last), 0, "the last line handed out"},
    {NULL},
};

static PyTypeObject LinesType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dx_plan._speedups.Lines",
    .tp_basicsize = sizeof(LinesObject),
    .tp_dealloc = (destructor)Lines_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Physical lines for csv.reader, counted and bounded (see delimited.py LineFeed).",
    .tp_traverse = (traverseproc)Lines_traverse,
    .tp_clear = (inquiry)Lines_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Lines_next,
    .tp_members = Lines_members,
    .tp_init = (initproc)Lines_init,
    .tp_new = PyType_GenericNew,
};

/* ------------------------------------------------------------------ Rows */

/* The order of reader/columns.py COLUMNS, in which RowChecker.fast passes positions. */
enum { COL_DATE, COL_UNIT, COL_CHANNEL, COL_KIND, COL_TITLE, COL_URL, COL_DOCS, COL_TASK,
       COL_QUANTITY, COL_END, COL_NOTES, NCOLS };

typedef struct {
    PyObject_HEAD
    PyObject *file;
    Py_ssize_t width;
    Py_ssize_t pos[NCOLS];      /* column positions; == width: absent (an empty cell) */
    PyObject *extra;            /* tuple of (position, header) */
    long start, stop, future;   /* ordinals: plan period, and the as-of date (LONG_MAX: none) */
    PyObject *allowed;          /* frozenset or None */
    PyObject *evidence;         /* None, or validate's tables (see Rows_init) */
    PyObject *lead_fits, *channel_fits, *host_fits, *missing_urls;  /* borrowed from evidence */
    PyObject *fit_miss, *host_miss, *check_url, *add_fail;
    PyObject *kept, *counts;    /* the ProblemLog's problems list and counts (borrowed) */
    Py_ssize_t keep;            /* its `keep`; -1: keep every problem */
    PyObject *log;              /* the ProblemLog (current_unit) */
    PyObject *dates, *units, *channels, *quantities, *kinds, *docs, *tasks;  /* memo dicts */
    PyObject *fail_cls;
    HashTableObject *table;
    int64_t base;
    PyObject *title_key, *is_normalized, *normalize;
    PyTypeObject *entry_cls;
    /* loop state, read and written by reader/delimited.py */
    Py_ssize_t end;             /* physical lines consumed up to the end of the last record */
    Py_ssize_t taken;           /* rows read by the last run() */
} RowsObject;


static int
Rows_init(RowsObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "width", "positions", "extra", "start", "stop", "future",
                             "allowed", "evidence", "log", "dates", "units", "channels",
                             "quantities", "kinds", "docs", "tasks", "fail_cls", "table",
                             "base", "title_key", "is_normalized", "normalize", "entry_cls",
                             NULL};
    PyObject *file, *positions, *extra, *allowed, *evidence, *log, *dates, *units, *channels,
        *quantities, *kinds, *docs, *tasks, *fail_cls, *table, *title_key, *is_normalized,
        *normalize, *entry_cls;
    Py_ssize_t width;
    long start, stop, future;
    long long base;
    if (!PyArg_ParseTupleAndKeywords(
            args, kwds, "UnO!O!lllOOOO!O!O!O!O!O!O!OO!LOOOO!", kwlist, &file, &width,
            &PyTuple_Type, &positions, &PyTuple_Type, &extra, &start, &stop, &future, &allowed,
            &evidence, &log, &PyDict_Type, &dates, &PyDict_Type, &units, &PyDict_Type,
            &channels, &PyDict_Type, &quantities, &PyDict_Type, &kinds, &PyDict_Type, &docs,
            &PyDict_Type, &tasks, &fail_cls, &HashTableType, &table, &base, &title_key,
            &is_normalized, &normalize, &PyType_Type, &entry_cls))
        return -1;
    if (PyTuple_GET_SIZE(positions) != NCOLS) {
        PyErr_SetString(PyExc_ValueError, "positions: one per column");
        return -1;
    }
    if (!PyType_IsSubtype((PyTypeObject *)entry_cls, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "entry_cls must be a tuple subclass");
        return -1;
    }
    PyObject *fields = PyObject_GetAttrString(entry_cls, "_fields");
    if (fields == NULL)
        return -1;
    Py_ssize_t nfields = PyObject_Length(fields);
    Py_DECREF(fields);
    if (nfields != 14) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "entry_cls must have the 14 fields of Entry");
        return -1;
    }
    for (int i = 0; i < NCOLS; i++) {
        Py_ssize_t p = PyLong_AsSsize_t(PyTuple_GET_ITEM(positions, i));
        if (p == -1 && PyErr_Occurred())
            return -1;
        if (p < 0 || p > width) {
            PyErr_SetString(PyExc_ValueError, "positions: out of range");
            return -1;
        }
        self->pos[i] = p;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(extra); i++) {
        PyObject *item = PyTuple_GET_ITEM(extra, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2
            || !PyLong_Check(PyTuple_GET_ITEM(item, 0))) {
            PyErr_SetString(PyExc_TypeError, "extra: (position, header) pairs");
            return -1;
        }
        Py_ssize_t p = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 0));
        if (p < 0 || p >= width) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "extra: position out of range");
            return -1;
        }
    }
    if (evidence != Py_None) {
        /* (lead_fits, channel_fits, host_fits, missing_urls or None, fit_miss, host_miss,
         *  check_url, add_fail): see reader/rows.py RowChecker._evidence, the twin. */
        if (!PyTuple_Check(evidence) || PyTuple_GET_SIZE(evidence) != 11
            || !PyDict_CheckExact(PyTuple_GET_ITEM(evidence, 0))
            || !PyDict_CheckExact(PyTuple_GET_ITEM(evidence, 1))
            || !PyDict_CheckExact(PyTuple_GET_ITEM(evidence, 2))
            || (PyTuple_GET_ITEM(evidence, 3) != Py_None
                && !PyDict_CheckExact(PyTuple_GET_ITEM(evidence, 3)))
            || !PyList_CheckExact(PyTuple_GET_ITEM(evidence, 8))
            || !PyDict_Check(PyTuple_GET_ITEM(evidence, 9))
            || !PyLong_Check(PyTuple_GET_ITEM(evidence, 10))) {
            PyErr_SetString(PyExc_TypeError, "evidence: None or a tuple of 3 dicts, a dict or "
                                             "None, 4 callables, the problems list, the counts "
                                             "dict and keep (-1: all)");
            return -1;
        }
    }
#define SET(field, value) do { Py_INCREF(value); Py_XSETREF(self->field, (value)); } while (0)
    SET(file, file);
    SET(extra, extra);
    SET(allowed, allowed);
    SET(evidence, evidence);
    if (evidence != Py_None) {
        self->lead_fits = PyTuple_GET_ITEM(evidence, 0);
        self->channel_fits = PyTuple_GET_ITEM(evidence, 1);
        self->host_fits = PyTuple_GET_ITEM(evidence, 2);
        self->missing_urls = PyTuple_GET_ITEM(evidence, 3);
        self->fit_miss = PyTuple_GET_ITEM(evidence, 4);
        self->host_miss = PyTuple_GET_ITEM(evidence, 5);
        self->check_url = PyTuple_GET_ITEM(evidence, 6);
        self->add_fail = PyTuple_GET_ITEM(evidence, 7);
        self->kept = PyTuple_GET_ITEM(evidence, 8);
        self->counts = PyTuple_GET_ITEM(evidence, 9);
        self->keep = PyLong_AsSsize_t(PyTuple_GET_ITEM(evidence, 10));
        if (self->keep == -1 && PyErr_Occurred())
            return -1;
    }
    SET(log, log);
    SET(dates, dates);
    SET(units, units);
    SET(channels, channels);
    SET(quantities, quantities);
    SET(kinds, kinds);
    SET(docs, docs);
    SET(tasks, tasks);
    SET(fail_cls, fail_cls);
    Py_INCREF(table);
    Py_XSETREF(self->table, (HashTableObject *)table);
    SET(title_key, title_key);
    SET(is_normalized, is_normalized);
    SET(normalize, normalize);
    Py_INCREF(entry_cls);
    Py_XSETREF(self->entry_cls, (PyTypeObject *)entry_cls);
#undef SET
    self->width = width;
    self->start = start;
    self->stop = stop;
    self->future = future;
    self->base = base;
    self->end = 0;
    self->taken = 0;
    return 0;
}

static int
Rows_traverse(RowsObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->file);
    Py_VISIT(self->extra);
    Py_VISIT(self->allowed);
    Py_VISIT(self->evidence);
    Py_VISIT(self->log);
    Py_VISIT(self->dates);
    Py_VISIT(self->units);
    Py_VISIT(self->channels);
    Py_VISIT(self->quantities);
    Py_VISIT(self->kinds);
    Py_VISIT(self->docs);
    Py_VISIT(self->tasks);
    Py_VISIT(self->fail_cls);
    Py_VISIT(self->table);
    Py_VISIT(self->title_key);
    Py_VISIT(self->is_normalized);
    Py_VISIT(self->normalize);
    Py_VISIT(self->entry_cls);
    return 0;
}

static int
Rows_clear(RowsObject *self)
{
    /* borrowed from `evidence`: forget them with it */
    self->lead_fits = self->channel_fits = self->host_fits = self->missing_urls = NULL;
    self->fit_miss = self->host_miss = self->check_url = self->add_fail = NULL;
    self->kept = self->counts = NULL;
    Py_CLEAR(self->file);
    Py_CLEAR(self->extra);
    Py_CLEAR(self->allowed);
    Py_CLEAR(self->evidence);
    Py_CLEAR(self->log);
    Py_CLEAR(self->dates);
    Py_CLEAR(self->units);
    Py_CLEAR(self->channels);
    Py_CLEAR(self->quantities);
    Py_CLEAR(self->kinds);
    Py_CLEAR(self->docs);
    Py_CLEAR(self->tasks);
    Py_CLEAR(self->fail_cls);
    Py_CLEAR(self->table);
    Py_CLEAR(self->title_key);
    Py_CLEAR(self->is_normalized);
    Py_CLEAR(self->normalize);
    Py_CLEAR(self->entry_cls);
    return 0;
}

static void
Rows_dealloc(RowsObject *self)
{
    PyObject_GC_UnTrack(self);
    Rows_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The converted values of a row accepted by the fast path (new references). */
typedef struct {
    PyObject *day, *unit, *channel, *kind, *title, *url, *docs, *task, *quantity, *notes,
        *extra;
    long ordinal;
} Row;

static void
row_clear(Row *r)
{
    Py_CLEAR(r->day);
    Py_CLEAR(r->unit);
    Py_CLEAR(r->channel);
    Py_CLEAR(r->kind);
    Py_CLEAR(r->title);
    Py_CLEAR(r->url);
    Py_CLEAR(r->docs);
    Py_CLEAR(r->task);
    Py_CLEAR(r->quantity);
    Py_CLEAR(r->notes);
    Py_CLEAR(r->extra);
}

/* The cell of column c (borrowed): "" for an absent column. */
static inline PyObject *
cell(RowsObject *self, PyObject *cells, int c)
{
    Py_ssize_t p = self->pos[c];
    return p == self->width ? empty_str : PyList_GET_ITEM(cells, p);
}

/* A memoised value (new reference), or NULL: a miss or a Fail (the Python path decides). */
static PyObject *
memo(RowsObject *self, PyObject *dict, PyObject *key)
{
    PyObject *v = PyDict_GetItemWithError(dict, key);
    if (v == NULL || (PyObject *)Py_TYPE(v) == self->fail_cls)
        return NULL;
    Py_INCREF(v);
    return v;
}

/* True when every character is below U+0300 or a precomposed Latin letter of
 * U+1E00..U+1EFF (where Vietnamese lives): all of them have NFC_Quick_Check=Yes
 * and canonical combining class 0, so the text is NFC without asking unicodedata
 * (tests/test_fastpath.py checks both ranges against unicodedata).  False: ask it. */
static int
surely_nfc(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (kind == PyUnicode_1BYTE_KIND)
        return 1;  /* all below U+0100 */
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        int odd = 0;
        for (Py_ssize_t i = 0; i < n; i++)  /* no early exit: lets the compiler vectorise */
            odd |= p[i] >= 0x300 && (Py_UCS2)(p[i] - 0x1E00) > 0xFF;
        return !odd;
    }
    return 0;  /* characters beyond U+FFFF: ask unicodedata */
}

/* Free text as the Python converter keeps it: stripped, NFC unless ASCII or NFC already. */
static PyObject *
text_nfc(RowsObject *self, PyObject *raw)
{
    PyObject *s = strip(raw);
    if (s == NULL || PyUnicode_IS_ASCII(s) || surely_nfc(s))
        return s;
    PyObject *args[2] = {str_nfc, s};
    PyObject *ok = PyObject_Vectorcall(self->is_normalized, args, 2, NULL);
    if (ok == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    int is = PyObject_IsTrue(ok);
    Py_DECREF(ok);
    if (is < 0) {
        Py_DECREF(s);
        return NULL;
    }
    if (is)
        return s;
    PyObject *n = PyObject_Vectorcall(self->normalize, args, 2, NULL);
    Py_DECREF(s);
    return n;
}

/* The (memoised) second element of a (value, fail) pair; NULL when a miss or a fail. */
static int
pair_value(PyObject *dict, PyObject *key, PyObject **out)
{
    PyObject *v = PyDict_GetItemWithError(dict, key);
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 2)
        return 0;
    PyObject *second = PyTuple_GET_ITEM(v, 1);
    if (second != Py_None && !(PyTuple_Check(second) && PyTuple_GET_SIZE(second) == 0))
        return 0;  /* a Fail, or docs warnings: the Python path reports them */
    *out = PyTuple_GET_ITEM(v, 0);
    Py_INCREF(*out);
    return 1;
}

/* Call f(args...) and drop the result; -1 on error. */
static int
call_void(PyObject *f, PyObject *const *args, Py_ssize_t n)
{
    PyObject *res = PyObject_Vectorcall(f, args, n, NULL);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

/* The host of a plain http(s) URL, as reader/rows.py plain_host gives it (new reference),
 * or NULL without an error when the URL is anything else (then check_url judges it). */
static PyObject *
plain_host(PyObject *url)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(url);
    int kind = PyUnicode_KIND(url);
    const void *data = PyUnicode_DATA(url);
    char head[8];
    Py_ssize_t i;
    for (i = 0; i < 8 && i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c > 0x7F)
            return NULL;
        head[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    Py_ssize_t start;
    if (i == 8 && memcmp(head, "https://", 8) == 0)
        start = 8;
    else if (i >= 7 && memcmp(head, "http://", 7) == 0)
        start = 7;
    else
        return NULL;
    Py_ssize_t end = start, colon = -1;
    for (; end < n; end++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, end);
        if (c == '/' || c == '?' || c == '#')
            break;
        if (c <= 0x20 || c >= 0x7F || c == '[' || c == ']' || c == '@' || c == '\\'
            || c == '%')
            return NULL;
        if (c == ':' && colon < 0)
            colon = end;
    }
    if (end == start)
        return NULL;
    Py_ssize_t stop = colon >= 0 ? colon : end;
    while (stop > start && PyUnicode_READ(kind, data, stop - 1) == '.')
        stop--;
    if (stop == start)
        return NULL;
    char buf[256];
    if (stop - start > (Py_ssize_t)sizeof(buf))
        return NULL;
    for (Py_ssize_t j = start; j < stop; j++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, j);
        buf[j - start] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return PyUnicode_FromStringAndSize(buf, stop - start);
}

static PyObject *str_key;

/* ProblemLog.add_fail(fail, file, line): once the log keeps no more problems, only
 * its count grows, and that is done here without a call. */
static int
emit(RowsObject *self, PyObject *fail, PyObject *lineobj)
{
    if (self->keep >= 0 && PyList_GET_SIZE(self->kept) >= self->keep) {
        PyObject *key = PyObject_GetAttr(fail, str_key);
        if (key == NULL)
            return -1;
        int rc = dict_add(self->counts, key, one);
        Py_DECREF(key);
        return rc;
    }
    PyObject *args[3] = {fail, self->file, lineobj};
    return call_void(self->add_fail, args, 3);
}

/* Validate's checks of an accepted row, as RowChecker._evidence makes them. */
static int
row_evidence(RowsObject *self, PyObject *lineobj, Row *r)
{
    if (r->task != Py_None) {
        PyObject *lead = lookup2(self->lead_fits, r->task, r->unit);
        if (lead == NULL && PyErr_Occurred())
            return -1;
        PyObject *wanted = lookup2(self->channel_fits, r->task, r->channel);
        if (wanted == NULL && PyErr_Occurred())
            return -1;
        if (lead == NULL || wanted == NULL) {
            PyObject *args[3] = {r->task, r->unit, r->channel};
            if (call_void(self->fit_miss, args, 3) < 0)
                return -1;
            lead = lookup2(self->lead_fits, r->task, r->unit);
            wanted = lead != NULL ? lookup2(self->channel_fits, r->task, r->channel) : NULL;
            if (lead == NULL || wanted == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_KeyError, "fit_miss did not fill the task memos");
                return -1;
            }
        }
        Py_INCREF(lead);
        Py_INCREF(wanted);
        int rc = 0;
        if (lead != Py_None)
            rc = emit(self, lead, lineobj);
        if (rc == 0 && wanted != Py_None)
            rc = emit(self, wanted, lineobj);
        Py_DECREF(lead);
        Py_DECREF(wanted);
        if (rc < 0)
            return -1;
    }
    if (PyUnicode_GET_LENGTH(r->url)) {
        PyObject *host = plain_host(r->url);
        if (host == NULL) {
            if (PyErr_Occurred())
                return -1;
            PyObject *args[5] = {self->file, lineobj, r->unit, r->channel, r->url};
            return call_void(self->check_url, args, 5);
        }
        PyObject *verdict = NULL;
        PyObject *by_unit = PyDict_GetItemWithError(self->host_fits, host);
        if (by_unit != NULL)
            verdict = lookup2(by_unit, r->unit, r->channel);
        if (verdict != NULL) {
            Py_INCREF(verdict);
        } else {
            if (PyErr_Occurred()) {
                Py_DECREF(host);
                return -1;
            }
            PyObject *args[3] = {host, r->unit, r->channel};
            verdict = PyObject_Vectorcall(self->host_miss, args, 3, NULL);
        }
        Py_DECREF(host);
        if (verdict == NULL)
            return -1;
        int rc = verdict != Py_None ? emit(self, verdict, lineobj) : 0;
        Py_DECREF(verdict);
        return rc;
    }
    if (self->missing_urls != Py_None) {
        PyObject *fail = PyDict_GetItemWithError(self->missing_urls, r->channel);
        if (fail == NULL)
            return PyErr_Occurred() ? -1 : 0;
        if (fail == Py_None)
            return 0;
        Py_INCREF(fail);
        int rc = emit(self, fail, lineobj);
        Py_DECREF(fail);
        return rc;
    }
    return 0;
}

/* One row, exactly as RowChecker.converter's `convert` would take it when it reports nothing.
 * 1: accepted (r filled); 0: the Python converter must take the row; -1: error.
 * Nothing observable changes before a 0 except the (idempotent) duplicate table. */
static int
fast_row(RowsObject *self, PyObject *cells, Py_ssize_t line, Row *r)
{
    if (!PyList_CheckExact(cells) || PyList_GET_SIZE(cells) != self->width)
        return 0;
    for (Py_ssize_t i = 0; i < self->width; i++) {
        if (!PyUnicode_CheckExact(PyList_GET_ITEM(cells, i)))
            return 0;  /* not csv.reader's cells: the Python converter decides */
    }
    r->day = memo(self, self->dates, cell(self, cells, COL_DATE));
    if (r->day == NULL || !PyDate_CheckExact(r->day))
        return PyErr_Occurred() ? -1 : 0;
    r->unit = memo(self, self->units, cell(self, cells, COL_UNIT));
    if (r->unit == NULL)
        return PyErr_Occurred() ? -1 : 0;
    r->channel = memo(self, self->channels, cell(self, cells, COL_CHANNEL));
    if (r->channel == NULL)
        return PyErr_Occurred() ? -1 : 0;
    r->quantity = memo(self, self->quantities, cell(self, cells, COL_QUANTITY));
    if (r->quantity == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (PyUnicode_GET_LENGTH(cell(self, cells, COL_END)) != 0)
        return 0;  /* a ranged activity */
    r->ordinal = date_ordinal(r->day);
    if (r->ordinal < self->start || r->ordinal > self->stop)
        return 0;
    if (self->allowed != Py_None) {
        int ok = PySet_Contains(self->allowed, r->unit);
        if (ok <= 0)
            return ok;
    }
    r->title = text_nfc(self, cell(self, cells, COL_TITLE));
    if (r->title == NULL)
        return -1;
    r->url = strip(cell(self, cells, COL_URL));
    if (r->url == NULL)
        return -1;
    PyObject *ident = NULL;
    if (PyUnicode_GET_LENGTH(r->url)) {
        ident = r->url;
        Py_INCREF(ident);
    } else if (PyUnicode_GET_LENGTH(r->title)) {
        ident = PyObject_CallOneArg(self->title_key, r->title);
        if (ident == NULL)
            return -1;
        if (PyObject_Length(ident) <= 0) {
            Py_CLEAR(ident);
            if (PyErr_Occurred())
                return -1;
        }
    }
    if (ident != NULL) {
        PyObject *key = PyTuple_Pack(4, r->unit, r->channel, r->day, ident);
        Py_DECREF(ident);
        if (key == NULL)
            return -1;
        Py_hash_t h = PyObject_Hash(key);
        Py_DECREF(key);
        if (h == -1 && PyErr_Occurred())
            return -1;
        int64_t here = self->base | (int64_t)line, first;
        if (table_setdefault(self->table, (int64_t)h, here, &first) < 0)
            return -1;
        if (first != here)
            return 0;  /* a duplicate: reported by the Python path */
    }
    PyObject *raw = cell(self, cells, COL_KIND);
    r->kind = memo(self, self->kinds, raw);
    if (r->kind == NULL)
        return PyErr_Occurred() ? -1 : 0;
    raw = cell(self, cells, COL_DOCS);
    if (PyUnicode_GET_LENGTH(raw)) {
        int got = pair_value(self->docs, raw, &r->docs);
        if (got <= 0)
            return got;
    } else {
        Py_INCREF(empty_tuple);
        r->docs = empty_tuple;
    }
    raw = cell(self, cells, COL_TASK);
    if (PyUnicode_GET_LENGTH(raw)) {
        int got = pair_value(self->tasks, raw, &r->task);
        if (got <= 0)
            return got;
    } else {
        Py_INCREF(Py_None);
        r->task = Py_None;
    }
    /* extra columns (an STT column, mostly): (header, value) of the non-blank ones */
    Py_ssize_t nextra = PyTuple_GET_SIZE(self->extra);
    PyObject *found[8];
    Py_ssize_t nfound = 0;
    if (nextra > 8)
        return 0;
    int rc = 1;
    for (Py_ssize_t i = 0; i < nextra; i++) {
        PyObject *item = PyTuple_GET_ITEM(self->extra, i);
        Py_ssize_t p = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 0));
        PyObject *v = strip(PyList_GET_ITEM(cells, p));
        if (v == NULL) {
            rc = -1;
            break;
        }
        if (PyUnicode_GET_LENGTH(v) == 0) {
            Py_DECREF(v);
            continue;
        }
        PyObject *pair = PyTuple_Pack(2, PyTuple_GET_ITEM(item, 1), v);
        Py_DECREF(v);
        if (pair == NULL) {
            rc = -1;
            break;
        }
        found[nfound++] = pair;
    }
    if (rc == 1) {
        r->extra = PyTuple_New(nfound);
        if (r->extra == NULL)
            rc = -1;
        for (Py_ssize_t i = 0; i < nfound; i++) {
            if (r->extra != NULL)
                PyTuple_SET_ITEM(r->extra, i, found[i]);
            else
                Py_DECREF(found[i]);
        }
    } else {
        for (Py_ssize_t i = 0; i < nfound; i++)
            Py_DECREF(found[i]);
    }
    if (rc != 1)
        return rc;
    if (r->ordinal > self->future)
        return 0;  /* a future-date warning: the Python path reports it */
    if (PyObject_SetAttr(self->log, str_current_unit, r->unit) < 0)
        return -1;
    if (self->evidence != NULL && self->evidence != Py_None) {
        PyObject *lineobj = PyLong_FromSsize_t(line);
        if (lineobj == NULL)
            return -1;
        int ok = row_evidence(self, lineobj, r);
        Py_DECREF(lineobj);
        if (ok < 0)
            return -1;
    }
    r->notes = text_nfc(self, cell(self, cells, COL_NOTES));
    if (r->notes == NULL)
        return -1;
    return 1;
}

/* Entry(file, line, date, end, unit, channel, kind, title, url, docs, task, quantity, notes,
 * extra): built as tuple.__new__ builds a subclass instance, without its Python __new__. */
static PyObject *
make_entry(RowsObject *self, Row *r, Py_ssize_t line)
{
    PyObject *lineobj = PyLong_FromSsize_t(line);
    if (lineobj == NULL)
        return NULL;
    PyObject *e = self->entry_cls->tp_alloc(self->entry_cls, 14);
    if (e == NULL) {
        Py_DECREF(lineobj);
        return NULL;
    }
    PyObject *items[14] = {self->file, lineobj, r->day, r->day, r->unit, r->channel, r->kind,
                           r->title, r->url, r->docs, r->task, r->quantity, r->notes, r->extra};
    for (int i = 0; i < 14; i++) {
        if (i != 1)
            Py_INCREF(items[i]);
        PyTuple_SET_ITEM(e, i, items[i]);
    }
    return e;
}

enum { DONE = 0, BUDGET = 1, SLOW = 2, ENTRY = 3 };

/* run(reader, feed, budget, tally) -> (status, value)
 *
 * Reads up to `budget` rows from the csv reader; `self.taken` says how many.
 *   (DONE, None)            the reader is exhausted
 *   (BUDGET, None)          `budget` rows were read
 *   (SLOW, (cells, line))   the Python converter must take this row
 *   (ENTRY, entry)          an accepted row the caller must count (no tally, or a unit
 *                           whose entries are kept as evidence)
 * Accepted rows go to `tally` when given.  An exception from the reader (csv.Error)
 * propagates with `self.end` at the end of the last good record. */
static PyObject *
Rows_run(RowsObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "run(reader, feed, budget, tally)");
        return NULL;
    }
    PyObject *reader = args[0], *feed = args[1], *tallyobj = args[3];
    Py_ssize_t budget = PyLong_AsSsize_t(args[2]);
    if (budget == -1 && PyErr_Occurred())
        return NULL;
    TallyObject *tally = NULL;
    if (tallyobj != Py_None) {
        if (!PyObject_TypeCheck(tallyobj, &TallyType)) {
            PyErr_SetString(PyExc_TypeError, "tally must be a Tally or None");
            return NULL;
        }
        tally = (TallyObject *)tallyobj;
    }
    if (self->dates == NULL || self->table == NULL || self->table->keys == NULL) {
        PyErr_SetString(PyExc_ValueError, "Rows is not initialised");
        return NULL;
    }
    iternextfunc next = Py_TYPE(reader)->tp_iternext;
    if (next == NULL) {
        PyErr_SetString(PyExc_TypeError, "reader must be an iterator");
        return NULL;
    }
    self->taken = 0;
    while (self->taken < budget) {
        PyObject *cells = next(reader);
        if (cells == NULL) {
            if (PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                    return NULL;
                PyErr_Clear();
            }
            return Py_BuildValue("(iO)", DONE, Py_None);
        }
        self->taken++;
        Py_ssize_t line = self->end + 1;
        if (Py_TYPE(feed) == &LinesType) {
            self->end = ((LinesObject *)feed)->lines;
        } else {
            PyObject *lines = PyObject_GetAttr(feed, str_lines);
            if (lines == NULL) {
                Py_DECREF(cells);
                return NULL;
            }
            self->end = PyLong_AsSsize_t(lines);
            Py_DECREF(lines);
            if (self->end == -1 && PyErr_Occurred()) {
                Py_DECREF(cells);
                return NULL;
            }
        }
        Row r = {0};
        int got = fast_row(self, cells, line, &r);
        if (got < 0) {
            row_clear(&r);
            Py_DECREF(cells);
            return NULL;
        }
        if (got == 0) {
            row_clear(&r);
            PyObject *res = Py_BuildValue("(i(Nn))", SLOW, cells, line);
            return res;
        }
        Py_DECREF(cells);
        if (tally != NULL) {
            int counted = tally_add(tally, r.ordinal, r.unit, r.channel, r.task, r.kind,
                                    r.quantity);
            if (counted < 0) {
                row_clear(&r);
                return NULL;
            }
            if (counted) {
                row_clear(&r);
                continue;
            }
        }
        PyObject *entry = make_entry(self, &r, line);
        row_clear(&r);
        if (entry == NULL)
            return NULL;
        return Py_BuildValue("(iN)", ENTRY, entry);
    }
    return Py_BuildValue("(iO)", BUDGET, Py_None);
}

static PyMethodDef Rows_methods[] = {
    {"run", (PyCFunction)(void (*)(void))Rows_run, METH_FASTCALL,
     "run(reader, feed, budget, tally) -> (status, value): the row loop (see the C source)."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Rows_members[] = {
    {"end", T_PYSSIZET, offsetof(RowsObject, end), 0,
     "physical lines consumed up to the end of the last record"},
    {"taken", T_PYSSIZET, offsetof(RowsObject, taken), 0, "rows read by the last run()"},
    {NULL},
};

static PyTypeObject RowsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dx_plan._speedups.Rows",
    .tp_basicsize = sizeof(RowsObject),
    .tp_dealloc = (destructor)Rows_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The row loop of one file layout (see reader/rows.py RowChecker.fast).",
    .tp_traverse = (traverseproc)Rows_traverse,
    .tp_clear = (inquiry)Rows_clear,
    .tp_methods = Rows_methods,
    .tp_members = Rows_members,
    .tp_init = (initproc)Rows_init,
    .tp_new = PyType_GenericNew,
};

/* ------------------------------------------------------------------ module */

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT, "dx_plan._speedups",
    "The reader's row loop and the engine's counting in C (an optional accelerator).", -1,
    NULL,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    str_strip = PyUnicode_InternFromString("strip");
    str_lines = PyUnicode_InternFromString("lines");
    str_current_unit = PyUnicode_InternFromString("current_unit");
    str_nfc = PyUnicode_InternFromString("NFC");
    str_deadline = PyUnicode_InternFromString("deadline");
    str_key = PyUnicode_InternFromString("key");
    empty_str = PyUnicode_FromString("");
    empty_tuple = PyTuple_New(0);
    one = PyLong_FromLong(1);
    if (!str_strip || !str_lines || !str_current_unit || !str_nfc || !str_deadline || !str_key
        || !empty_str || !empty_tuple || !one)
        return NULL;
    if (PyType_Ready(&HashTableType) < 0 || PyType_Ready(&TallyType) < 0
        || PyType_Ready(&LinesType) < 0 || PyType_Ready(&RowsType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&speedups_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "HashTable", (PyObject *)&HashTableType) < 0
        || PyModule_AddObjectRef(m, "Tally", (PyObject *)&TallyType) < 0
        || PyModule_AddObjectRef(m, "Rows", (PyObject *)&RowsType) < 0
        || PyModule_AddObjectRef(m, "Lines", (PyObject *)&LinesType) < 0
        || PyModule_AddIntConstant(m, "DONE", DONE) < 0
        || PyModule_AddIntConstant(m, "BUDGET", BUDGET) < 0
        || PyModule_AddIntConstant(m, "SLOW", SLOW) < 0
        || PyModule_AddIntConstant(m, "ENTRY", ENTRY) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
