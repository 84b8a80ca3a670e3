/**
 * Prior notes in the behavioural-health fixture's chart: two of Dr. Brennan's follow-up notes and
 * the outside psychologist's letter. Worded differently from today's visit on purpose, so a cloned-
 * text check has something real to compare. Entirely fictional.
 *
 * @module
 */

export const PRIOR_NOTE_D91 = `PSYCHIATRY PROGRESS NOTE (fictional test record)
Patient: Dana Testpatient-Nakamura, 41F. Established patient, medication management.
Interval history: Mood improving on sertraline 100 mg daily (increased from 50 mg two months ago). Enjoying time with her children again. Main complaint is trouble falling asleep, 1-2 hours most nights. No side effects apart from early nausea, now gone. Weekly CBT with her psychologist at Harbor Counseling.
Scores: PHQ-9 8 (item 9: 0). GAD-7 7.
Safety: denies suicidal ideation, intent or plan. No firearms.
MSE: well groomed, euthymic to mildly dysthymic, full affect, linear, no psychosis, good insight.
Assessment: 1. Major depressive disorder, recurrent, moderate, improving. 2. Generalized anxiety disorder, improving.
Plan: Continue sertraline 100 mg every morning. Start trazodone 50 mg at bedtime as needed for sleep. Continue weekly therapy. Return 6-7 weeks with PHQ-9 and GAD-7.
Electronically signed: Alex Brennan-Testdoc, MD.`;

export const PRIOR_NOTE_D42 = `PSYCHIATRY PROGRESS NOTE (fictional test record)
Patient: Dana Testpatient-Nakamura, 41F. Established patient, medication management.
Interval history: Two weeks ago her employer announced a restructuring; her job may be cut in the spring. Mood lower, more worry, sleeping better on nights she takes trazodone (about three nights a week). Adherent to sertraline 100 mg.
Scores: PHQ-9 11 (item 9: 0). GAD-7 10.
Safety: denies suicidal ideation. Protective factors: children, sister.
MSE: mildly dysthymic, constricted affect, linear, no psychosis.
Assessment: 1. Major depressive disorder, recurrent, moderate, mild worsening with a clear stressor. 2. Generalized anxiety disorder, worse.
Plan: Continue sertraline 100 mg for now; increase if no better at next visit. Continue trazodone 50 mg as needed. Asked her to discuss the stressor in therapy; release of information signed so her psychologist can send an update. Return 6 weeks.
Electronically signed: Alex Brennan-Testdoc, MD.`;

export const THERAPIST_LETTER = `LETTER (fictional test record), Harbor Counseling (Fictional)
Re: Dana Testpatient-Nakamura. Sent with the patient's written consent.
Dear Dr. Brennan-Testdoc,
Dana has attended weekly cognitive behavioural therapy sessions with me for the past seven months. She remains engaged and completes her between-session work. Over the last six weeks her mood and worry have worsened in the setting of possible job loss and her mother's fall, with more avoidance, irritability and early waking. She has not reported suicidal thoughts in our sessions. We are focusing on behavioural activation and worry scheduling. Given the trend, I wondered whether her medication might be reviewed. I will continue weekly sessions.
Sincerely, Jamie Harbor-Testclinician, PhD, Clinical Psychologist.`;
