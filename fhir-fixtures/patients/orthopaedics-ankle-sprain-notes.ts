/**
 * Outside records in the orthopaedics fixture's chart: the urgent-care note and the radiograph
 * report from the night of the injury. The report says "no acute fracture"; the surgeon's own read
 * of the images is in the transcript. Entirely fictional.
 *
 * @module
 */

export const XR_REPORT = `RADIOLOGY REPORT (fictional test record), Example Urgent Care (Fictional)
Exam: XR ankle right, 3 views (AP, mortise, lateral).
Indication: Inversion injury stepping off a curb; lateral ankle pain and swelling.
Findings: No acute fracture or dislocation. Ankle mortise congruent. Lateral soft-tissue swelling. No joint effusion identified.
Impression: No acute osseous abnormality.
Preliminary read by the urgent-care physician; final read by the contracted radiologist.`;

export const URGENT_CARE_NOTE = `URGENT CARE NOTE (fictional test record), Example Urgent Care (Fictional)
Patient: Morgan Testpatient-Alvarez, 34F.
HPI: About an hour ago stepped off a curb while walking her dog; right foot inverted; felt a pop laterally. Able to take four steps at the scene and limp home. Pain 8/10. No head strike, no other injury.
PMH: Seasonal allergies. Allergies: latex (hives). Meds: none.
Exam: Right ankle moderate lateral swelling, tender anterior to the lateral malleolus. Not tender at the posterior edge or tip of either malleolus, base of fifth metatarsal or navicular. Distal pulses and sensation intact.
X-ray right ankle 3 views: no fracture (see report).
Assessment: Right ankle sprain.
Plan: Elastic compression wrap, crutches, rest, ice, elevation. Ibuprofen 400 mg up to three times daily with food. Follow up with orthopaedics this week.
Electronically signed: Robin Urgentcare-Testdoc, DO.`;
