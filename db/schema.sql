-- Acupoint Atlas reference database schema.
--
-- Built by atlas.core.build from the TOML sources beside this file; never
-- edited by hand. The table and column names of channels, points,
-- point_indications, point_categories, point_cautions, regions, conditions,
-- condition_points, self_care and placements are public: other tools and the tests rely
-- on them (see docs/schema.md).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE regions (
    id    TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z_]*'),
    name  TEXT NOT NULL,
    area  TEXT NOT NULL CHECK (area IN ('head', 'trunk', 'upper_limb', 'lower_limb')),
    sort  INTEGER NOT NULL UNIQUE
);

CREATE TABLE channels (
    code             TEXT PRIMARY KEY
                     CHECK (code IN ('LU','LI','ST','SP','HT','SI','BL','KI',
                                     'PC','TE','GB','LR','GV','CV','EX')),
    english          TEXT NOT NULL,
    pinyin           TEXT NOT NULL,
    hanzi            TEXT NOT NULL,
    hanzi_simplified TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary', 'extra')),
    organ            TEXT,
    element          TEXT CHECK (element IN ('wood', 'fire', 'earth', 'metal', 'water')),
    polarity         TEXT CHECK (polarity IN ('yin', 'yang')),
    colour           TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    point_count      INTEGER NOT NULL CHECK (point_count > 0),
    summary          TEXT NOT NULL,
    sort             INTEGER NOT NULL UNIQUE
);

CREATE TABLE points (
    code             TEXT PRIMARY KEY,
    channel          TEXT NOT NULL REFERENCES channels(code),
    number           INTEGER NOT NULL CHECK (number >= 1),  -- within the channel or EX group
    pinyin           TEXT NOT NULL CHECK (pinyin <> ''),
    pinyin_tones     TEXT NOT NULL CHECK (pinyin_tones <> ''),
    hanzi            TEXT NOT NULL CHECK (hanzi <> ''),
    hanzi_simplified TEXT NOT NULL CHECK (hanzi_simplified <> ''),
    english          TEXT NOT NULL CHECK (english <> ''),
    wade_giles       TEXT NOT NULL DEFAULT '',  -- the name in Wade-Giles (Ho-ku)
    region           TEXT NOT NULL REFERENCES regions(id),
    location         TEXT NOT NULL CHECK (location <> ''),
    location_alt     TEXT NOT NULL DEFAULT '',
    how_to_find      TEXT NOT NULL CHECK (how_to_find <> ''),
    actions          TEXT NOT NULL CHECK (actions <> ''),
    needling_angle   TEXT NOT NULL
                     CHECK (needling_angle IN ('perpendicular', 'oblique', 'transverse', 'none')),
    depth_min        REAL CHECK (depth_min >= 0),
    depth_max        REAL CHECK (depth_max >= depth_min AND depth_max <= 5),
    needling_method  TEXT NOT NULL CHECK (needling_method <> ''),
    moxibustion      TEXT NOT NULL CHECK (moxibustion <> ''),
    cautions         TEXT NOT NULL CHECK (cautions <> ''),
    sort             INTEGER NOT NULL UNIQUE,
    CHECK ((needling_angle = 'none') = (depth_min IS NULL AND depth_max IS NULL))
);
CREATE INDEX points_channel ON points(channel, number);
CREATE INDEX points_region ON points(region);

CREATE TABLE point_aliases (
    code  TEXT NOT NULL REFERENCES points(code),
    alias TEXT NOT NULL CHECK (alias <> ''),
    kind  TEXT NOT NULL CHECK (kind IN ('code', 'name')),
    note  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (code, alias)
);

CREATE TABLE point_indications (
    code       TEXT NOT NULL REFERENCES points(code),
    indication TEXT NOT NULL CHECK (indication <> ''),
    sort       INTEGER NOT NULL,
    PRIMARY KEY (code, indication)
);
-- every point's indications in order, read from the index alone (opening the atlas
-- reads them all, and sorting them instead costs start-up time)
CREATE INDEX point_indications_order ON point_indications(code, sort, indication);

CREATE TABLE categories (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    relates_to  TEXT NOT NULL CHECK (relates_to IN ('channel', 'organ', 'vessel', 'tissue')),
    summary     TEXT NOT NULL,
    sort        INTEGER NOT NULL UNIQUE
);

CREATE TABLE point_categories (
    code       TEXT NOT NULL REFERENCES points(code),
    category   TEXT NOT NULL REFERENCES categories(id),
    relates_to TEXT NOT NULL CHECK (relates_to <> ''),
    PRIMARY KEY (code, category, relates_to)
);
CREATE INDEX point_categories_category ON point_categories(category);

CREATE TABLE caution_flags (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    summary TEXT NOT NULL,
    sort    INTEGER NOT NULL UNIQUE,
    keywords TEXT NOT NULL DEFAULT ''  -- words that find the flag in search, '; '-separated
);

CREATE TABLE point_cautions (
    code TEXT NOT NULL REFERENCES points(code),
    flag TEXT NOT NULL REFERENCES caution_flags(id),
    PRIMARY KEY (code, flag)
);
CREATE INDEX point_cautions_flag ON point_cautions(flag);

CREATE TABLE conditions (
    id       TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name     TEXT NOT NULL UNIQUE,
    keywords TEXT NOT NULL DEFAULT '',
    summary  TEXT NOT NULL CHECK (summary <> ''),
    triggers TEXT NOT NULL CHECK (triggers <> ''),
    course   TEXT NOT NULL CHECK (course <> ''),
    evidence TEXT NOT NULL CHECK (evidence <> ''),
    sort     INTEGER NOT NULL UNIQUE
);

CREATE TABLE condition_points (
    condition_id TEXT NOT NULL REFERENCES conditions(id),
    code         TEXT NOT NULL REFERENCES points(code),
    reason       TEXT NOT NULL CHECK (reason <> ''),
    sort         INTEGER NOT NULL,
    PRIMARY KEY (condition_id, code)
);
CREATE INDEX condition_points_code ON condition_points(code);

-- Self-care text for patients (db/selfcare.toml), in plain words: where to find
-- the point on one's own body, how to press, what it is traditionally used for and
-- when not to press; or, for a point not to be pressed on one's own, only the
-- reason (unsuitable), the other texts empty.
CREATE TABLE self_care (
    code       TEXT PRIMARY KEY REFERENCES points(code),
    where_text TEXT NOT NULL DEFAULT '',
    how        TEXT NOT NULL DEFAULT '',
    used_for   TEXT NOT NULL DEFAULT '',
    avoid      TEXT NOT NULL DEFAULT '',
    unsuitable TEXT NOT NULL DEFAULT '',
    CHECK ((unsuitable = '' AND where_text <> '' AND how <> '' AND used_for <> ''
            AND avoid <> '')
           OR (unsuitable <> '' AND where_text = '' AND how = '' AND used_for = ''
               AND avoid = ''))
);

-- One row per drawn location: a point of a group (EX-B2 at each level, EX-UE11 on
-- each finger) has one row per part; part is NULL for a single point.
CREATE TABLE placements (
    code TEXT NOT NULL REFERENCES points(code),
    view TEXT NOT NULL,
    part TEXT CHECK (part <> ''),
    x    REAL NOT NULL,
    y    REAL NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline'))
);
CREATE UNIQUE INDEX placements_key ON placements(code, view, side, COALESCE(part, ''));
CREATE INDEX placements_view ON placements(view);

-- Full-text index over names, indications, location and actions. Rowid is
-- points.sort so a match joins straight back to its point.
CREATE VIRTUAL TABLE points_fts USING fts5 (
    code UNINDEXED,
    names,
    indications,
    location,
    actions,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE conditions_fts USING fts5 (
    id UNINDEXED,
    name,
    keywords,
    summary,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Diagram tables (derived by atlas.core.placement from db/locators/; see
-- atlas/core/anatomy/ for the frames and views).

CREATE TABLE views (
    id     TEXT PRIMARY KEY,
    title  TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('full', 'detail')),
    frame  TEXT NOT NULL
           CHECK (frame IN ('front', 'back', 'side', 'vertex', 'medial', 'foot_medial',
                            'foot_dorsal', 'sole', 'perineum')),
    width  REAL NOT NULL CHECK (width > 0),
    height REAL NOT NULL CHECK (height > 0),
    scale  REAL NOT NULL CHECK (scale > 0),
    sort   INTEGER NOT NULL UNIQUE,
    -- median distance between neighbouring placements (sizes markers and labels)
    spacing REAL NOT NULL DEFAULT 10 CHECK (spacing > 0)
);

CREATE TABLE landmarks (
    view TEXT NOT NULL REFERENCES views(id),
    id   TEXT NOT NULL,
    name TEXT NOT NULL,
    x    REAL NOT NULL,
    y    REAL NOT NULL,
    PRIMARY KEY (view, id)
);

CREATE TABLE measures (
    code    TEXT NOT NULL REFERENCES points(code),
    view    TEXT NOT NULL REFERENCES views(id),
    side    TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline')),
    part    TEXT CHECK (part <> ''),
    seq     INTEGER NOT NULL,
    label   TEXT NOT NULL,
    x1      REAL NOT NULL,
    y1      REAL NOT NULL,
    x2      REAL NOT NULL,
    y2      REAL NOT NULL,
    cun     REAL NOT NULL,
    unit    TEXT NOT NULL CHECK (unit IN ('B-cun', 'F-cun', 'F-breadth', 'line')),  -- line: a line halved (cun 1)
    tick_at REAL NOT NULL
);
CREATE UNIQUE INDEX measures_key ON measures(code, view, side, COALESCE(part, ''), seq);
CREATE INDEX measures_view ON measures(view, code);

-- The external course of each channel as drawn on each view (derived from
-- db/pathways/ by atlas.core.pathways): each branch is a run of control points
-- in the view's units, on one side; draw a smooth curve through them in seq order.
CREATE TABLE pathways (
    channel TEXT NOT NULL REFERENCES channels(code),
    view    TEXT NOT NULL REFERENCES views(id),
    branch  TEXT NOT NULL,
    side    TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline')),
    seq     INTEGER NOT NULL,
    x       REAL NOT NULL,
    y       REAL NOT NULL,
    PRIMARY KEY (channel, view, branch, side, seq)
);
CREATE INDEX pathways_view ON pathways(view);

-- Where a branch leaves its view and the channel goes on in another one.
CREATE TABLE pathway_cues (
    channel TEXT NOT NULL REFERENCES channels(code),
    view    TEXT NOT NULL REFERENCES views(id),
    branch  TEXT NOT NULL,
    side    TEXT NOT NULL CHECK (side IN ('left', 'right', 'midline')),
    "end"   TEXT NOT NULL CHECK ("end" IN ('start', 'end')),
    x       REAL NOT NULL,
    y       REAL NOT NULL,
    to_view TEXT NOT NULL REFERENCES views(id),
    PRIMARY KEY (channel, view, branch, side, "end")
);
