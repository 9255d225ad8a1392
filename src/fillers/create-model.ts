import type { LanguageModel } from 'ai';
import type { AgentSettings } from './agent-settings.js';

/** The AI SDK model for the settings; providers load only when used. */
export async function createModel(settings: AgentSettings): Promise<LanguageModel> {
  switch (settings.provider) {
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      // includeUsage: streamed answers report their token counts.
      return createOpenAICompatible({ name: 'specfill', baseURL: settings.baseURL!, apiKey: settings.apiKey, includeUsage: true }).chatModel(settings.model);
    }
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      return createOpenAI({ apiKey: settings.apiKey, ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }) }).chat(settings.model);
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return createAnthropic({ apiKey: settings.apiKey ?? 'none', ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }) })(settings.model);
    }
  }
}
