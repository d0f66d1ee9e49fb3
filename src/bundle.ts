// The single-file bundle for a webmaster's <script src>: registers every element, defines no global.
import './index.js';
