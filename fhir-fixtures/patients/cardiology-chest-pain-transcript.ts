/**
 * Visit transcript for the cardiology new-patient fixture: exertional chest pressure referred by
 * primary care, "possible stable angina" (uncertain, so the symptom is coded), hypertension above
 * goal, hyperlipidemia, the referring office's ECG independently interpreted, and an exercise
 * stress echocardiogram ordered. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Mr. Testpatient-Harrow? Hi, I'm the cardiologist. Your primary-care doctor asked me to see you about chest pain.
PATIENT: Glenn is fine. Yes, she sent me over.
DOCTOR: Glenn, then. I've read her referral note from last week, and I've looked at the ECG and the bloodwork she did. But tell me about it from the beginning.
PATIENT: About six weeks ago I started getting this pressure in the middle of my chest when I walk up the hill from the train station. Like a tight band, right here.
DOCTOR: Right in the centre. Does it go anywhere, your arm, neck, jaw, back?
PATIENT: Sometimes into my left shoulder. Not the jaw.
DOCTOR: How long does it last?
PATIENT: If I stop and stand there, it goes away in three or four minutes. If I keep going, it gets worse, so I stop.
DOCTOR: What else brings it on?
PATIENT: Carrying groceries up the stairs to our apartment. Once when I was raking leaves. Never when I'm sitting.
DOCTOR: Have you ever had it at rest, or has it woken you up at night?
PATIENT: No, never at rest.
DOCTOR: How often does it happen?
PATIENT: Two or three times a week. Pretty much every time I do the hill.
DOCTOR: Is it coming more often, or with less effort than when it started?
PATIENT: No. It's been about the same the whole time. Same hill, same spot.
DOCTOR: Any shortness of breath, sweating or nausea with it?
PATIENT: A little short of breath with it. No sweating, no nausea.
DOCTOR: Any fainting, nearly fainting, or a racing or irregular heartbeat?
PATIENT: No.
DOCTOR: Swelling in your legs, or needing extra pillows at night to breathe?
PATIENT: No.
DOCTOR: Any heartburn, pain related to meals, or pain when you press on your chest?
PATIENT: No, I don't get heartburn, and it isn't sore to touch.
DOCTOR: Okay. You've had high blood pressure for a while?
PATIENT: Eight years. I take lisinopril, 20 milligrams every morning.
DOCTOR: And your cholesterol has been up.
PATIENT: Yes. My doctor wanted me on a statin two years ago and I said I'd try diet first. I guess that didn't work.
DOCTOR: Your LDL last week was 162. A year ago it was 148. Total cholesterol 231, HDL 41, triglycerides 138. Have you ever smoked?
PATIENT: Never smoked.
DOCTOR: Diabetes?
PATIENT: No. She checked my sugar.
DOCTOR: Right, your A1c was 5.4, which is normal. Your kidney function and potassium were normal too: creatinine 0.98, potassium 4.3. Any heart disease in the family?
PATIENT: My dad had a heart attack at 52. He had a bypass. He's 84 now.
DOCTOR: That's important, thank you. Any other medical problems?
PATIENT: Gout. My big toe flared up in the spring. My primary doctor handles that, and it's been quiet.
DOCTOR: Okay, we'll leave the gout with her. Any medications besides the lisinopril?
PATIENT: She started me on a baby aspirin last week, 81 milligrams.
DOCTOR: Good. Do you take anything for erectile dysfunction, like sildenafil or tadalafil?
PATIENT: No.
DOCTOR: Any allergies to medications?
PATIENT: No allergies.
DOCTOR: What do you do for work, and for exercise?
PATIENT: I'm an accountant. I walk, that's about it. Or I did, until this started.
DOCTOR: Let me examine you. Your blood pressure when you came in was 148 over 90. I rechecked it just now and it's 146 over 88. Heart rate 76 and regular. Weight 92 kilos, so a BMI of about 29. Your neck veins aren't distended and I don't hear any bruits over the carotid arteries. Heart: regular rhythm, normal first and second heart sounds, no murmurs, rubs or gallops. Lungs are clear. Belly is soft. No swelling in your legs, and the pulses in both feet are good. Your chest wall isn't tender.
DOCTOR: Now the ECG. Your primary-care office did it last week, and their machine read it as normal. I've gone through the tracing myself. Normal sinus rhythm at 74, normal PR and QRS intervals, normal axis, no Q waves to suggest an old heart attack, no ST-segment changes, no T-wave inversions, and no voltage criteria for thickening of the heart muscle. So a normal resting ECG. That's reassuring, but it doesn't rule out a narrowed artery; the resting ECG is often normal in people with angina.
PATIENT: So what do you think it is?
DOCTOR: Pressure in the centre of the chest that comes on with exertion and goes away with a few minutes of rest is the classic pattern of stable angina, meaning a narrowing in a heart artery that limits blood flow when the heart works harder. With your blood pressure, your hyperlipidemia and your father's history, it's a real possibility, so for now I'd call this possible stable angina. I can't say you have angina yet; it could be something else. The pattern has been stable, not at rest and not getting worse, so this is not an emergency, and we can work it up as an outpatient.
PATIENT: Okay.
DOCTOR: The test I want is an exercise stress echocardiogram. You walk on a treadmill while we monitor your ECG, and we take ultrasound pictures of the heart before and right after exercise. If part of the heart muscle doesn't squeeze as well under stress, that points to a blockage. It also shows the pumping function and how thick the walls are after eight years of high blood pressure. We'll schedule it in the next week or two.
PATIENT: Should I keep walking up the hill?
DOCTOR: Walk on the flat for now, at an easy pace. If the pressure comes, stop and rest. I'm also prescribing nitroglycerin tablets, 0.4 milligrams, to put under your tongue if the pressure doesn't go away after a few minutes of rest. You can take one every five minutes, up to three. If the pain isn't gone five minutes after the first tablet, call 911. The same if you ever get pain at rest or pain lasting more than fifteen minutes. Nitroglycerin can give you a headache, and never take it with an erectile dysfunction medicine.
PATIENT: Got it.
DOCTOR: Your blood pressure is above goal; we want you under 130 over 80. I'm adding amlodipine, 5 milligrams once a day, to your lisinopril. Amlodipine also helps angina-type chest pain, so it does double duty. Some people get ankle swelling with it; let me know if you do. I'd usually think about a beta-blocker too, but I'll hold off until after the stress test so it doesn't blunt your heart-rate response on the treadmill.
PATIENT: Okay.
DOCTOR: And the hyperlipidemia. I think it's time for the statin: atorvastatin 40 milligrams every evening. Whatever the stress test shows, an LDL of 162 with high blood pressure and a father with a heart attack at 52 puts you at elevated risk. Muscle aches are the main side effect to watch for. We'll recheck a lipid panel and liver tests in about eight weeks. Keep taking the aspirin 81 milligrams every day, and keep the lisinopril 20 milligrams as you are.
PATIENT: Fine. I'm ready to do it at this point.
DOCTOR: Good. I'll see you back after the stress test, in about two to three weeks, and I'll send a letter to your primary-care doctor today.
PATIENT: What happens if the stress test is abnormal?
DOCTOR: Then we'd talk about looking at the arteries directly, with a CT scan of the coronary arteries or a cardiac catheterization. One step at a time.
PATIENT: Thank you, doctor.`;
