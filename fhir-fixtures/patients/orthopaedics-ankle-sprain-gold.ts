/**
 * The answer a certified coder gives for the orthopaedics ankle-sprain visit: one injury code with
 * laterality and the initial-encounter 7th character, and a new-patient level where moderate data
 * alone cannot lift low problems and low risk.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'Right ankle inversion injury three days ago stepping off a curb while walking the dog; felt a pop on the outside',
    'Seen at Example Urgent Care the same night: three X-ray views of the right ankle, radiologist report no acute fracture',
    'Pain 8/10 at injury, 6/10 today; bearing weight with crutches, antalgic gait',
    'No numbness or tingling; did not hit head; no prior right ankle sprain',
    'Tender over the anterior talofibular ligament (ATFL); medial malleolus, posterior edge and tip of fibula, base of fifth metatarsal, navicular and proximal fibula not tender',
    'Anterior drawer 5-6 mm more than left with firm endpoint; talar tilt symmetric (calcaneofibular ligament intact); squeeze and external rotation tests negative',
    'Achilles intact, peroneal tendons stable, sensation intact, pulses strong, capillary refill brisk',
    'Own review of the urgent-care AP, mortise and lateral views: no fracture, no avulsion, mortise symmetric, no syndesmotic widening, talar dome smooth, lateral soft-tissue swelling',
    'Assessment: grade 2 sprain of the anterior talofibular ligament of the right ankle',
    'Allergy: latex (hives)',
    'Lace-up ankle brace 4-6 weeks; weight bearing as tolerated; wean off crutches; ice and elevation',
    'Ibuprofen 400 mg (two 200 mg tablets) up to three times a day with food for up to 10 days; acetaminophen up to 1,000 mg three times a day if needed',
    'Physical therapy referral twice a week for about six weeks',
    'Work note; follow-up in 4 weeks; MRI only if unstable after six weeks of therapy',
    'Left knee pain for two years deferred to a separate visit',
  ],
  diagnoses: [
    {
      code: 'S93.491A',
      description: 'Sprain of other ligament of right ankle, initial encounter',
      rationale:
        'The surgeon names the ligament: "a grade two sprain of the anterior talofibular ligament of your right ankle". ICD-10-CM files the talofibular ligament under S93.49- (sprain of other ligament of ankle), so the named-ligament code beats S93.401A (unspecified ligament); S93.411A does not apply because the calcaneofibular ligament is intact ("the talar tilt was normal"). Right side documented; 7th character A because the patient is still receiving active treatment (first orthopaedic evaluation, brace, therapy plan).',
    },
  ],
  notCoded: [
    {
      text: 'Left knee pain for about two years',
      reason:
        'Mentioned but not evaluated or treated today ("I\'d rather give it its own visit"); a problem counts and is coded only when addressed (M25.562 would apply at that visit).',
    },
    {
      text: 'Fracture of the lateral malleolus / avulsion fracture',
      reason:
        "Ruled out: the radiologist and the surgeon's own read both show no fracture. Negated findings are never coded.",
    },
    {
      text: 'High ankle (syndesmotic) sprain and calcaneofibular ligament sprain',
      reason:
        'Examined and excluded (negative squeeze and external rotation tests, symmetric talar tilt, normal mortise).',
    },
    {
      text: 'Numbness or tingling; head injury',
      reason: 'Denied ("No, none at all"; "I didn\'t hit my head"). Negated findings are never coded.',
    },
    {
      text: 'Latex allergy (Z91.040) and seasonal allergies',
      reason:
        "History recorded for the chart; neither changed today's management, so no status or allergy code is reported.",
    },
    {
      text: 'Mildly low hemoglobin (11.6 g/dL) on outside primary-care labs',
      reason:
        'Chart data only: never mentioned, evaluated or treated at this visit, so no anaemia code is reported.',
    },
    {
      text: 'External cause: fall from a sidewalk curb (W10.1XXA)',
      reason:
        'External-cause codes are voluntary in the outpatient setting unless a payer or state requires them; Summit Mutual does not, so none is reported.',
    },
  ],
  em: {
    code: '99203',
    patientStatus: 'new',
    basis: 'mdm',
    mdm: {
      problems: {
        level: 'low',
        rationale:
          'One acute, uncomplicated injury: a grade 2 ankle sprain with a stable joint, intact neurovascular status and full recovery expected with conservative care. The left knee was not addressed and does not count.',
      },
      data: {
        level: 'moderate',
        rationale:
          'Category 2 is met: the surgeon independently interprets the urgent-care radiographs, which another physician performed and reported ("Here\'s my own read of the images"). Category 1 has only the urgent-care note (the X-ray already counts as interpreted), so the data do not reach extensive.',
      },
      risk: {
        level: 'low',
        rationale:
          'Over-the-counter ibuprofen and acetaminophen, a brace, weight bearing as tolerated and a physical-therapy referral; no prescription drug management and no procedure.',
      },
      overall: 'low',
    },
  },
  addOns: [],
  addOnsNotClaimed: [
    {
      code: 'G2211',
      reason:
        'A Medicare add-on, and Summit Mutual is a commercial plan. It would not fit anyway: a new, self-limiting injury, with the surgeon not acting as a continuing focal point for a serious or complex condition.',
    },
  ],
};
