/**
 * The labels of all 115 CMS-HCC V28 payment categories, payment year 2026 (`V28115L3` in the CMS
 * software, via ../shared/data/cms-hcc/ra_labels_2026.csv), one `category label` per line. Part of
 * the shipped seed (`seed-hcc.ts`).
 *
 * @module
 */

export const SEED_HCC_LABEL_LINES = `
1 HIV/AIDS
2 Septicemia, Sepsis, Systemic Inflammatory Response Syndrome/Shock
6 Opportunistic Infections
17 Cancer Metastatic to Lung, Liver, Brain, and Other Organs; Acute Myeloid Leukemia Except Promyelocytic
18 Cancer Metastatic to Bone, Other and Unspecified Metastatic Cancer; Acute Leukemia Except Myeloid
19 Myelodysplastic Syndromes, Multiple Myeloma, and Other Cancers
20 Lung and Other Severe Cancers
21 Lymphoma and Other Cancers
22 Bladder, Colorectal, and Other Cancers
23 Prostate, Breast, and Other Cancers and Tumors
35 Pancreas Transplant Status
36 Diabetes with Severe Acute Complications
37 Diabetes with Chronic Complications
38 Diabetes with Glycemic, Unspecified, or No Complications
48 Morbid Obesity
49 Specified Lysosomal Storage Disorders
50 Amyloidosis, Porphyria, and Other Specified Metabolic Disorders
51 Addisons and Cushings Diseases, Acromegaly, and Other Specified Endocrine Disorders
62 Liver Transplant Status/Complications
63 Chronic Liver Failure/End-Stage Liver Disorders
64 Cirrhosis of Liver
65 Chronic Hepatitis
68 Cholangitis and Obstruction of Bile Duct Without Gallstones
77 Intestine Transplant Status/Complications
78 Intestinal Obstruction/Perforation
79 Chronic Pancreatitis
80 Crohns Disease (Regional Enteritis)
81 Ulcerative Colitis
92 Bone/Joint/Muscle/Severe Soft Tissue Infections/Necrosis
93 Rheumatoid Arthritis and Other Specified Inflammatory Rheumatic Disorders
94 Systemic Lupus Erythematosus and Other Specified Systemic Connective Tissue Disorders
107 Sickle Cell Anemia (Hb-SS) and Thalassemia Beta Zero
108 Sickle Cell Disorders, Except Sickle Cell Anemia (Hb-SS) and Thalassemia Beta Zero; Beta Thalassemia Major
109 Acquired Hemolytic, Aplastic, and Sideroblastic Anemias
111 Hemophilia, Male
112 Immune Thrombocytopenia and Specified Coagulation Defects and Hemorrhagic Conditions
114 Common Variable and Combined Immunodeficiencies
115 Specified Immunodeficiencies and White Blood Cell Disorders
125 Dementia, Severe
126 Dementia, Moderate
127 Dementia, Mild or Unspecified
135 Drug Use with Psychotic Complications
136 Alcohol Use with Psychotic Complications
137 Drug Use Disorder, Moderate/Severe, or Drug Use with Non-Psychotic Complications
138 Drug Use Disorder, Mild, Uncomplicated, Except Cannabis
139 Alcohol Use Disorder, Moderate/Severe, or Alcohol Use with Specified Non-Psychotic Complications
151 Schizophrenia
152 Psychosis, Except Schizophrenia
153 Personality Disorders; Anorexia/Bulimia Nervosa
154 Bipolar Disorders without Psychosis
155 Major Depression, Moderate or Severe, without Psychosis
180 Quadriplegia
181 Paraplegia
182 Spinal Cord Disorders/Injuries
190 Amyotrophic Lateral Sclerosis and Other Motor Neuron Disease, Spinal Muscular Atrophy
191 Quadriplegic Cerebral Palsy
192 Cerebral Palsy, Except Quadriplegic
193 Chronic Inflammatory Demyelinating Polyneuritis and Multifocal Motor Neuropathy
195 Myasthenia Gravis with (Acute) Exacerbation
196 Myasthenia Gravis without (Acute) Exacerbation and Other Myoneural Disorders
197 Muscular Dystrophy
198 Multiple Sclerosis
199 Parkinson and Other Degenerative Disease of Basal Ganglia
200 Friedreich and Other Hereditary Ataxias; Huntington Disease
201 Seizure Disorders and Convulsions
202 Coma, Brain Compression/Anoxic Damage
211 Respirator Dependence/Tracheostomy Status/Complications
212 Respiratory Arrest
213 Cardio-Respiratory Failure and Shock
221 Heart Transplant Status/Complications
222 End-Stage Heart Failure
223 Heart Failure with Heart Assist Device/Artificial Heart
224 Acute on Chronic Heart Failure
225 Acute Heart Failure (Excludes Acute on Chronic)
226 Heart Failure, Except End-Stage and Acute
227 Cardiomyopathy/Myocarditis
228 Acute Myocardial Infarction
229 Unstable Angina and Other Acute Ischemic Heart Disease
238 Specified Heart Arrhythmias
248 Intracranial Hemorrhage
249 Ischemic or Unspecified Stroke
253 Hemiplegia/Hemiparesis
254 Monoplegia, Other Paralytic Syndromes
263 Atherosclerosis of Arteries of the Extremities with Ulceration or Gangrene
264 Vascular Disease with Complications
267 Deep Vein Thrombosis and Pulmonary Embolism
276 Lung Transplant Status/Complications
277 Cystic Fibrosis
278 Idiopathic Pulmonary Fibrosis and Lung Involvement in Systemic Sclerosis
279 Severe Persistent Asthma
280 Chronic Obstructive Pulmonary Disease, Interstitial Lung Disorders, and Other Chronic Lung Disorders
282 Aspiration and Specified Bacterial Pneumonias
283 Empyema, Lung Abscess
298 Severe Diabetic Eye Disease, Retinal Vein Occlusion, and Vitreous Hemorrhage
300 Exudative Macular Degeneration
326 Chronic Kidney Disease, Stage 5
327 Chronic Kidney Disease, Severe (Stage 4)
328 Chronic Kidney Disease, Moderate (Stage 3B)
329 Chronic Kidney Disease, Moderate (Stage 3, Except 3B)
379 Pressure Ulcer of Skin with Necrosis Through to Muscle, Tendon, or Bone
380 Chronic Ulcer of Skin, Except Pressure, Through to Bone or Muscle
381 Pressure Ulcer of Skin with Full Thickness Skin Loss
382 Pressure Ulcer of Skin with Partial Thickness Skin Loss
383 Chronic Ulcer of Skin, Except Pressure, Not Specified as Through to Bone or Muscle
385 Severe Skin Burn
387 Pemphigus, Pemphigoid, and Other Specified Autoimmune Skin Disorders
397 Major Head Injury with Loss of Consciousness > 1 Hour
398 Major Head Injury with Loss of Consciousness < 1 Hour or Unspecified
399 Major Head Injury without Loss of Consciousness
401 Vertebral Fractures without Spinal Cord Injury
402 Hip Fracture/Dislocation
405 Traumatic Amputations and Complications
409 Amputation Status, Lower Limb/Amputation Complications
454 Stem Cell, Including Bone Marrow, Transplant Status/Complications
463 Artificial Openings for Feeding or Elimination
`;
