/**
 * A wink instance that has read nothing yet, as a user's own script would create it, with the
 * same model and pipe as the text layer: the benches' bare-readDoc baseline. Its own instance,
 * because plain reads on the text layer's shared instance would teach it words the text layer
 * then hides again (src/text/isolated-vocabulary.ts), and because re-reading texts on one
 * instance times readDoc on a vocabulary that has already seen them.
 *
 * The model's metaCER() stringifies its (custom-entity) machines in place on every call, so each
 * new instance would double their size: the first result is kept and handed to every instance.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { NLP_PIPE } from '../../dist/src/text/nlp.js';

let cer;
const benchModel = { ...model, metaCER: () => (cer ??= model.metaCER()) };

export const freshNlp = () => winkNLP(benchModel, NLP_PIPE);
