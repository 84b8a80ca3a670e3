/**
 * Visit transcript for the endocrinology fixture: a 34-year-old teacher, new to the practice,
 * referred for recurrent overnight hypoglycemia on multiple daily insulin injections (type 1
 * diabetes) and a rising TSH on levothyroxine. Insulin doses are cut, levothyroxine increased and
 * its timing fixed, glucagon prescribed, labs ordered. Hashimoto's is only "most likely" (not coded);
 * hypoglycemia unawareness is ruled out; heel pain is mentioned and deferred. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Hi, Jordan? I'm Dr. Haddad. Welcome. Have a seat wherever is comfortable.
PATIENT: Thanks. Nice to meet you. Sorry, I'm a little out of breath, the parking garage was full and I had to run from the street.
DOCTOR: No problem at all. You found us, that's the main thing. I understand you moved here recently?
PATIENT: Four months ago, from Lakeport. I teach seventh-grade science at the middle school on the east side.
DOCTOR: Oh, seventh graders. That takes energy.
PATIENT: It takes all the energy. And coffee.
DOCTOR: I bet. So Dr. Okafor sent me a very nice referral note, and I also have the records your endocrinologist in Lakeport faxed over, so I have a good picture, but I'd like to hear it from you. She referred you for two things: low blood sugars at night, and your thyroid numbers going up. Is that how you'd put it?
PATIENT: Yes, exactly. The lows are the part that's scaring me.
DOCTOR: Let's start there. Tell me about your diabetes from the beginning.
PATIENT: I was diagnosed with type 1 when I was twelve. I was in the hospital with ketoacidosis, in the ICU for two days. Since then I've been on shots. I tried a pump in college but I hated having it attached, so I went back to pens.
DOCTOR: What are you taking now, exactly?
PATIENT: Lantus, 24 units at bedtime. And Humalog with meals, one unit for every 10 grams of carbs, plus a correction of one unit for every 50 over 150.
DOCTOR: And you're wearing a Dexcom, I see the sensor on your arm.
PATIENT: Yes, the G7. I love it.
DOCTOR: Good. Now, the lows. When do they happen, and how low?
PATIENT: Mostly overnight, around two or three in the morning. For the last month, maybe three or four nights a week, the alarm goes off and I'm in the fifties. Last Thursday it said 48. That one scared me.
DOCTOR: What did you do?
PATIENT: I drank a juice box, I keep them on the nightstand. Then I sat there until it came back over 80. Took about twenty minutes.
DOCTOR: Have you ever needed someone else to help you treat a low? Someone giving you sugar, or glucagon, or calling 911?
PATIENT: No, never. I've always handled it myself.
DOCTOR: Any seizures, passing out, waking up confused?
PATIENT: No, nothing like that.
DOCTOR: When you're low, do you still feel it? Shaky, sweaty, heart pounding?
PATIENT: Yes, I get sweaty and shaky. And really hungry. The alarm usually wakes me first, but I feel it.
DOCTOR: Good. That's important. Since you still feel the warning signs, you don't have hypoglycemia unawareness. Did anything change about a month ago? Food, activity, work?
PATIENT: I started training for a half marathon about six weeks ago. I run after school, usually around five, three or four days a week.
DOCTOR: Are the bad nights the running days?
PATIENT: Huh. Now that you say it, yes. Almost always.
DOCTOR: That's very common. Exercise keeps pulling sugar into the muscles for up to a day afterwards, and the overnight dip is the classic pattern. Do you change your insulin on the running days?
PATIENT: No. I eat a granola bar before I go out, but the doses are the same.
DOCTOR: Okay. We haven't connected your Dexcom account to our clinic yet, so I can't see the full report today. My nurse will set up clinic sharing before you leave, so next time I can look at all the data. What does the app say for your time in range?
PATIENT: Around 68 percent the last two weeks, and it says 6 percent low.
DOCTOR: That fits what you're telling me. Your A1c from Dr. Okafor's labs last month was 7.4. Four months ago it was 7.1, and a year ago your Lakeport records say 7.0. Honestly, the A1c looks reasonable, but with this many lows, safety comes first. I'd rather see fewer lows, even if the A1c drifts up a little.
PATIENT: That makes sense.
DOCTOR: Now the thyroid. When were you diagnosed with hypothyroidism?
PATIENT: At 24. I was so tired, and my hair was falling out. They started me on levothyroxine and I've been on 75 micrograms for years. It was always fine.
DOCTOR: Your TSH a year ago was 2.1, normal. Four months ago it was 5.2, and last month 8.9. The free T4 was 0.9, low-normal. So you're under-replaced right now. How are you feeling?
PATIENT: Tired. I blamed the running and the kids. I'm cold all the time, my skin is dry.
DOCTOR: Any palpitations, racing heart?
PATIENT: No.
DOCTOR: Any swelling in your neck, trouble swallowing?
PATIENT: No.
DOCTOR: How do you take the levothyroxine?
PATIENT: With breakfast, with my coffee. And since the move I started a multivitamin with iron and calcium, because a runner friend said I was probably low in iron. I take them all together in the morning.
DOCTOR: That's probably a big part of the story. Coffee, calcium and iron all block the absorption of levothyroxine. Has anyone ever told you the cause of your hypothyroidism? Did they check antibodies?
PATIENT: I don't think so. They just said my thyroid was underactive.
DOCTOR: With type 1 diabetes, the most likely cause is Hashimoto's, an autoimmune thyroiditis, because the two often go together. But we haven't confirmed it, so I'll check thyroid peroxidase antibodies today.
PATIENT: Okay.
DOCTOR: Let me examine you. Blood pressure 116 over 72, heart rate 70, weight 66.4 kilos. Let me feel your neck, swallow for me. The thyroid is not enlarged, no nodules I can feel. Heart regular, lungs clear. Let me look at your injection sites, your belly and thighs. Do you rotate where you inject?
PATIENT: I try to. Belly mostly, both sides.
DOCTOR: The sites look healthy, no lumps or thickening. Keep rotating like that. Feet: skin intact, pulses good, sensation to the monofilament normal.
PATIENT: Good.
DOCTOR: So here's the plan. For the diabetes: type 1 diabetes with recurrent hypoglycemia, mostly overnight after your runs. First, reduce the Lantus from 24 to 21 units at bedtime. Second, on running days, cut the Humalog at dinner by half, and have a 15 to 20 gram carb snack at bedtime if you're under 120. Keep the correction scale the same. Third, I'm prescribing nasal glucagon, Baqsimi, 3 milligrams, and I'd like you to show your partner or roommate how to use it.
PATIENT: My partner. I'll show him.
DOCTOR: Change the Dexcom low alert to 80 instead of 70, so you get a warning earlier.
PATIENT: Got it. Twenty-one units, half the dinner dose on run days, snack if under 120.
DOCTOR: Exactly. For the thyroid: take the levothyroxine first thing in the morning with water only, on an empty stomach, and wait at least 30 to 60 minutes before coffee or breakfast. Take the multivitamin with iron and calcium at least four hours later, at lunch or dinner. And I'm increasing the dose to 88 micrograms daily. We'll recheck the TSH and free T4 in six weeks.
PATIENT: Both changes at once? Won't that be too much?
DOCTOR: Good question. Your TSH is almost 9, so you need more, and 88 is a small step. If you end up slightly over-replaced in six weeks, we'll adjust. Today I'm also ordering the thyroid peroxidase antibodies and a urine albumin to creatinine ratio to screen your kidneys, since that's due.
PATIENT: Okay. Oh, and one more thing, my right heel has been killing me in the morning since I started running. Is that something you handle?
DOCTOR: That's not my area, and I'd hate to give you half an answer. It sounds mechanical; bring it up with Dr. Okafor or a sports medicine doctor.
PATIENT: Will do.
DOCTOR: Any allergies besides the penicillin listed here?
PATIENT: Just penicillin. Hives when I was a kid.
DOCTOR: Okay. I'd like to see you back in six weeks, after the thyroid labs, and I'll look at the Dexcom data before then. Call the office if you have any low under 54 after the changes, or any low where you need help.
PATIENT: Thank you. This was really helpful.
DOCTOR (DICTATION): New patient visit. Total time on the date of the encounter 52 minutes, including review of the referral note and the outside endocrinology records and labs before the visit, history and examination, counselling on insulin adjustment, hypoglycemia prevention, glucagon and levothyroxine administration, ordering labs and prescriptions, and documentation.`;
